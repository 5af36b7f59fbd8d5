import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { addSensitiveWord, removeSensitiveWord, SENSITIVE_WORD_MAX, sensitiveWordRows } from "~/core/classification/sensitive-words.server";
import { parseForm, type FieldErrors } from "~/core/forms.server";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { auditTenant, requirePermission, requireStaff, withTenant, type StaffContext } from "~/core/tenancy/staff.server";
import { FormMessage, PostForm, RowAction } from "~/ui/forms";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form-kit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const PERMISSION = "core.sensitive-words.manage";
/** SENSITIVE_WORD_MAX, for the form; the component cannot import a .server module. */
const WORD_MAX = 50;
const E = "sensitiveWords.errors";

// Control characters (a pasted line break, a tab) would never match a document's text.
const CONTROL = /\p{Cc}/u;

const WordSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required", abort: true })
  .refine((w) => Array.from(w).length <= SENSITIVE_WORD_MAX, { error: `${E}.tooLong`, abort: true })
  .refine((w) => !CONTROL.test(w), { error: "errors.invalid" });

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), word: WordSchema }),
  z.object({ intent: z.literal("remove"), word: z.string().min(1).max(200) }),
]);

async function guard(request: Request, context: LoaderFunctionArgs["context"], tenant: string | undefined): Promise<StaffContext> {
  const ctx = await requireStaff(request, context, tenant);
  requirePermission(ctx, PERMISSION);
  return ctx;
}

/** The office's own words and those it inherits from the offices above it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await guard(request, context, params.tenant);
  const locale = await localeOf(request);
  const t = await fixedT(context, request);
  const dir = context.services.tenants;
  const rows = await sensitiveWordRows(context.services.db, ctx.tenant, dir);
  return {
    title: t("sensitiveWords.title"),
    words: rows.map((r) => ({
      word: r.word,
      inherited: r.inherited,
      from: r.inherited ? dir.byId(r.tenantId)?.name[locale] ?? "" : null,
      addedAt: r.createdAt.toISOString(),
    })),
  };
}

type Result =
  | { ok: true; message: string }
  | { ok: false; intent: "add" | "remove" | null; errors: FieldErrors; message?: string; word?: string };

/** `intent=add` with `word`, or `intent=remove` with `word`: changes this office's own list, audited on its chain. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await guard(request, context, params.tenant);
  const t = await fixedT(context, request);
  const form = await request.formData();
  const intent = form.get("intent") === "add" || form.get("intent") === "remove" ? (form.get("intent") as "add" | "remove") : null;
  const parsed = parseForm(ActionSchema, form);
  if (!parsed.ok) {
    const word = String(form.get("word") ?? "");
    if (intent !== "add") return data<Result>({ ok: false, intent, errors: {}, message: t(`${E}.badRequest`) }, { status: 400 });
    return data<Result>({ ok: false, intent, errors: parsed.errors, word }, { status: 400 });
  }
  const { word } = parsed.data;
  const existing = (await sensitiveWordRows(context.services.db, ctx.tenant, context.services.tenants)).find((r) => r.word === word);
  const target = { type: "sensitive_word", id: word };

  if (parsed.data.intent === "add") {
    if (existing) {
      const key = existing.inherited ? `${E}.inheritedDuplicate` : `${E}.duplicate`;
      return data<Result>({ ok: false, intent: "add", errors: { word: [key] }, word }, { status: 409 });
    }
    const added = await withTenant(ctx, async (trx) => {
      const done = await addSensitiveWord(trx, ctx.access.writeTenantId, word, ctx.user.id);
      if (done) await auditTenant(ctx, trx, { action: "sensitive_word.add", target, data: { word } });
      return done;
    });
    if (!added) return data<Result>({ ok: false, intent: "add", errors: { word: [`${E}.duplicate`] }, word }, { status: 409 });
    return data<Result>({ ok: true, message: t("sensitiveWords.done.added", { word }) });
  }

  if (existing?.inherited) return data<Result>({ ok: false, intent: "remove", errors: {}, message: t(`${E}.inherited`) }, { status: 409 });
  const removed = await withTenant(ctx, async (trx) => {
    const done = await removeSensitiveWord(trx, ctx.access.writeTenantId, word);
    if (done) await auditTenant(ctx, trx, { action: "sensitive_word.remove", target, data: { word } });
    return done;
  });
  if (!removed) return data<Result>({ ok: false, intent: "remove", errors: {}, message: t(`${E}.notFound`) }, { status: 404 });
  return data<Result>({ ok: true, message: t("sensitiveWords.done.removed", { word }) });
}

export default function SensitiveWords() {
  const { t, i18n } = useTranslation();
  const { words, title } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const addErrors = failed?.intent === "add" ? failed.errors : undefined;
  const format = new Intl.DateTimeFormat(i18n.language, { timeZone: "Asia/Shanghai", dateStyle: "medium" });
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{t("sensitiveWords.intro")}</p>
      {result?.ok && <FormMessage tone="success">{result.message}</FormMessage>}
      {/* A refused removal (or a forged form) has no field: its message in a summary of its own that takes focus. */}
      {failed?.message && (
        <ErrorSummary errors={undefined} idPrefix="remove">
          <p>{failed.message}</p>
        </ErrorSummary>
      )}

      {words.length === 0 ? (
        <p className="muted">{t("sensitiveWords.none")}</p>
      ) : (
        <table className="table">
          <caption>{t("sensitiveWords.caption", { count: words.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sensitiveWords.word")}</th>
              <th scope="col">{t("sensitiveWords.origin")}</th>
              <th scope="col">{t("sensitiveWords.addedAt")}</th>
              <th scope="col">{t("sensitiveWords.action")}</th>
            </tr>
          </thead>
          <tbody>
            {words.map((w) => (
              <tr key={w.word}>
                <th scope="row">{w.word}</th>
                <td>
                  {w.inherited ? (
                    <span className="badge">{t("sensitiveWords.inheritedFrom", { office: w.from })}</span>
                  ) : (
                    t("sensitiveWords.own")
                  )}
                </td>
                <td>
                  <time dateTime={w.addedAt}>{format.format(new Date(w.addedAt))}</time>
                </td>
                <td>
                  {w.inherited ? (
                    <span className="muted">{t("sensitiveWords.inheritedNote")}</span>
                  ) : (
                    <RowAction
                      intent="remove"
                      fields={{ word: w.word }}
                      label={t("sensitiveWords.remove")}
                      context={t("sensitiveWords.rowContext", { word: w.word })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="sensitive-words-add">
        <h2 id="sensitive-words-add">{t("sensitiveWords.add")}</h2>
        <ErrorSummary errors={addErrors} labels={{ word: t("sensitiveWords.word") }} />
        <PostForm className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="add" />
          <TextField
            name="word"
            label={t("sensitiveWords.word")}
            hint={t("sensitiveWords.wordHint")}
            required
            maxLength={WORD_MAX}
            autoComplete="off"
            defaultValue={failed?.intent === "add" ? failed.word : undefined}
            errors={addErrors}
          />
          <SubmitButton className="button primary">
            {t("sensitiveWords.submit")}
          </SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
