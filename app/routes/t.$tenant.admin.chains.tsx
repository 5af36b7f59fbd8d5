import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { BusinessRole } from "~/core/permissions/roles";
import { issueErrors, parseForm, type FieldErrors } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { can, forbidden, requirePermission, requireStaff, withTenant, type StaffContext } from "~/core/tenancy/staff.server";
import { canDecide, storedChainInForce, type ChainStep } from "~/core/workflow/chain";
import { chainFor, saveChain } from "~/core/workflow/service.server";
import { Checkbox, ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form-kit";
import { FormMessage, PostForm } from "~/ui/forms";
import { useRoleLabel } from "~/ui/role-label";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const PERMISSION = "core.chains.manage";
const E = "chains.errors";
/** Blank rows under the current steps, for adding steps without JavaScript. */
const BLANK_ROWS = 2;
/** More rows than the form ever renders (ChainSchema allows 12 steps, plus the blank rows). */
const MAX_ROWS = 20;
const LABEL_MAX = 100;
/** A step label that names the built-in wording (`workflow.steps.…`) rather than the office's own. */
const STEP_LABEL_KEY = /^workflow\.steps\.[a-z][a-z0-9_]*$/;
const FIELDS = ["order", "key", "role", "label", "labelKey", "dueWorkdays", "onlyIfImportant", "classification"] as const;
type RowField = (typeof FIELDS)[number];

/** One editor row as the browser sent it (and as the form shows it again after a refusal). */
export interface RowValues {
  order: string;
  key: string;
  role: string;
  label: string;
  labelKey: string;
  dueWorkdays: string;
  onlyIfImportant: boolean;
  classification: boolean;
}

/** A whole number in [min, max] typed into a text or number box. */
const whole = (min: number, max: number, error: string) =>
  z
    .string()
    .trim()
    .min(1, { error: "errors.required", abort: true })
    .regex(/^[0-9]+$/, { error, abort: true })
    .transform(Number)
    .pipe(z.number().int().min(min, { error }).max(max, { error }));

/** One kept row (its key or role filled in), checked field by field before the chain as a whole; `roles` are the catalogue's. */
const rowSchema = (roles: readonly string[]) => z.object({
  order: whole(1, 99, `${E}.order`),
  key: z
    .string()
    .trim()
    .min(1, { error: "errors.required", abort: true })
    .regex(/^[a-z][a-z0-9_]*$/, { error: "workflow.errors.chainStepKey" })
    .max(40, { error: `${E}.keyTooLong` }),
  role: z
    .custom<BusinessRole>((v) => typeof v === "string" && roles.includes(v), { error: "errors.required", abort: true })
    .refine(canDecide, { error: "workflow.errors.chainRoleCannotDecide" }),
  label: z.string().trim().max(LABEL_MAX, { error: `${E}.labelTooLong` }),
  labelKey: z.union([z.literal(""), z.string().regex(STEP_LABEL_KEY)], { error: "errors.invalid" }),
  dueWorkdays: whole(1, 60, `${E}.dueWorkdays`),
  onlyIfImportant: z.boolean(),
  classification: z.boolean(),
});

const TypeSchema = z.string().min(1).max(200);
const IntentSchema = z.enum(["save", "reset"]);

interface DeclaredType {
  key: string;
  label: string;
  requiresClassification: boolean;
}

/** The document types declared by the plugins enabled for this office, in registry order. */
function typesOf(ctx: StaffContext): DeclaredType[] {
  const enabled = new Set(ctx.tenant.plugins);
  return ctx.context.services.plugins.plugins
    .filter((p) => enabled.has(p.manifest.id))
    .flatMap((p) => p.manifest.documentTypes.map((d) => ({ key: d.key, label: d.label, requiresClassification: d.requiresClassification })));
}

async function guard(request: Request, context: LoaderFunctionArgs["context"], tenant: string | undefined): Promise<StaffContext> {
  const ctx = await requireStaff(request, context, tenant);
  requirePermission(ctx, PERMISSION);
  return ctx;
}

/** Only a member changes chains, and only of their own office; a supervisor looking on reads. */
function mayEdit(ctx: StaffContext): boolean {
  return ctx.access.mode === "member" && ctx.access.writeTenantId === ctx.tenant.id && can(ctx, PERMISSION);
}

/** Every declared type with the chain this office runs for it, and whether that chain is its own. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await guard(request, context, params.tenant);
  const t = await fixedT(context, request);
  const types = typesOf(ctx);
  const chains = await withTenant(ctx, async (trx) => {
    const stored = new Map(
      (await trx.selectFrom("workflow_chains").select(["document_type", "steps"]).where("tenant_id", "=", ctx.tenant.id).execute()).map((r) => [
        r.document_type,
        storedChainInForce(r.steps) !== null,
      ]),
    );
    const out = [];
    for (const type of types) {
      // A stored chain that breaks today's rules is not run (the default is): say so.
      const own = stored.get(type.key) === true;
      out.push({ ...type, own, storedRefused: stored.get(type.key) === false, steps: await chainFor(trx, ctx.tenant.id, type.key) });
    }
    return out;
  });
  return { title: t("chains.title"), canEdit: mayEdit(ctx), types: chains, roles: ctx.context.services.permissions.roles.keys() };
}

type Result =
  | { ok: true; documentType: string; done: "chains.done.saved" | "chains.done.reset" }
  | { ok: false; documentType: string | null; errors: string[]; fieldErrors: FieldErrors; rows?: RowValues[] };

/** The editor rows of a submitted form, by index; null when the form is not one this page renders (a box ticked is "on"). */
function rowsOf(form: Record<string, unknown>): RowValues[] | null {
  const byIndex = new Map<number, Partial<Record<RowField, string>>>();
  for (const [name, value] of Object.entries(form)) {
    const m = /^steps\.(\d{1,2})\.([A-Za-z]+)$/.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    const field = m[2] as RowField;
    if (index >= MAX_ROWS || !FIELDS.includes(field) || typeof value !== "string") return null;
    if ((field === "onlyIfImportant" || field === "classification") && value !== "on") return null;
    (byIndex.get(index) ?? byIndex.set(index, {}).get(index)!)[field] = value;
  }
  const last = Math.max(-1, ...byIndex.keys());
  return Array.from({ length: last + 1 }, (_, i) => {
    const r = byIndex.get(i) ?? {};
    return {
      order: r.order ?? "",
      key: r.key ?? "",
      role: r.role ?? "",
      label: r.label ?? "",
      labelKey: r.labelKey ?? "",
      dueWorkdays: r.dueWorkdays ?? "",
      onlyIfImportant: r.onlyIfImportant !== undefined,
      classification: r.classification !== undefined,
    };
  });
}

/** Validates the rows, dropping those with neither key nor role, and orders the steps by `order`. */
function stepsOf(rows: RowValues[], roles: readonly string[]): { ok: true; steps: ChainStep[] } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const kept: { order: number; index: number; step: ChainStep }[] = [];
  rows.forEach((row, index) => {
    if (!row.key.trim() && !row.role.trim()) {
      // A dropped row's numbers are not used, but one that is no number is still a mistake to point out.
      if (row.order.trim() && !/^[0-9]+$/.test(row.order.trim())) fieldErrors[`steps.${index}.order`] = [`${E}.order`];
      if (row.dueWorkdays.trim() && !/^[0-9]+$/.test(row.dueWorkdays.trim())) fieldErrors[`steps.${index}.dueWorkdays`] = [`${E}.dueWorkdays`];
      return;
    }
    // A blank order keeps the row where it stands.
    const parsed = rowSchema(roles).safeParse({ ...row, order: row.order.trim() || String(index + 1) });
    if (!parsed.success) {
      issueErrors(parsed.error.issues.map((issue) => ({ ...issue, path: ["steps", index, ...issue.path] })), undefined, fieldErrors);
      return;
    }
    const r = parsed.data;
    const label = r.label || r.labelKey;
    kept.push({
      order: r.order,
      index,
      step: {
        key: r.key,
        role: r.role,
        ...(label ? { label } : {}),
        dueWorkdays: r.dueWorkdays,
        ...(r.onlyIfImportant ? { onlyIfImportant: true } : {}),
        ...(r.classification ? { classification: true } : {}),
      },
    });
  });
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  kept.sort((a, b) => a.order - b.order || a.index - b.index);
  return { ok: true, steps: kept.map((k) => k.step) };
}

/**
 * `intent=save` with `documentType` and rows `steps.<i>.<field>`: validates the rows, then
 * `saveChain` checks the chain (a type requiring classification review keeps its 保密审查 step),
 * stores and audits it. `intent=reset` returns the type to the default chain. A refusal changes
 * nothing and hands the rows back with their errors.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await guard(request, context, params.tenant);
  if (!mayEdit(ctx)) throw forbidden();
  const raw = await request.formData();
  // Every value through the shared text check first; a refused one is named on its row's field.
  const checked = parseForm(z.record(z.string(), z.unknown()), raw);
  const form = checked.ok ? checked.data : Object.fromEntries(raw);
  const intent = IntentSchema.safeParse(form.intent);
  const typeKey = TypeSchema.safeParse(form.documentType);
  const bad = (errors: string[], status: number, documentType: string | null = null) =>
    data<Result>({ ok: false, documentType, errors, fieldErrors: {} }, { status });
  if (!intent.success || !typeKey.success) return bad([`${E}.badRequest`], 400);
  const type = typesOf(ctx).find((d) => d.key === typeKey.data);
  if (!type) return bad([`${E}.unknownType`], 404);
  if (!checked.ok) {
    const rows = rowsOf(form);
    if (!rows) return bad([`${E}.badRequest`], 400, type.key);
    // The rows' own errors with the refused characters, so that one submit shows all of them.
    const rowErrors = intent.data === "save" ? stepsOf(rows, ctx.context.services.permissions.roles.keys()) : null;
    const fieldErrors: FieldErrors = { ...checked.errors };
    if (rowErrors && !rowErrors.ok) {
      for (const [field, keys] of Object.entries(rowErrors.fieldErrors)) fieldErrors[field] = [...new Set([...(fieldErrors[field] ?? []), ...(keys ?? [])])];
    }
    return data<Result>({ ok: false, documentType: type.key, errors: [], fieldErrors, rows }, { status: 400 });
  }

  if (intent.data === "reset") {
    await withTenant(ctx, (trx) => saveChain(trx, ctx, { documentType: type.key, steps: null, requiresClassification: type.requiresClassification }));
    return data<Result>({ ok: true, documentType: type.key, done: "chains.done.reset" });
  }

  const rows = rowsOf(form);
  if (!rows) return bad([`${E}.badRequest`], 400, type.key);
  const parsed = stepsOf(rows, ctx.context.services.permissions.roles.keys());
  if (!parsed.ok) return data<Result>({ ok: false, documentType: type.key, errors: [], fieldErrors: parsed.fieldErrors, rows }, { status: 400 });
  const saved = await withTenant(ctx, (trx) =>
    saveChain(trx, ctx, { documentType: type.key, steps: parsed.steps, requiresClassification: type.requiresClassification }),
  );
  if (!saved.ok) return data<Result>({ ok: false, documentType: type.key, errors: saved.errors, fieldErrors: {}, rows }, { status: 400 });
  return data<Result>({ ok: true, documentType: type.key, done: "chains.done.saved" });
}

/** A label that is an i18n key (`workflow.steps.…`, or any `ns:a.b` key) rather than the office's own wording. */
const I18N_KEY = /^([a-z0-9-]+:)?[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)+$/;

function rowsFrom(steps: readonly ChainStep[]): RowValues[] {
  const rows = steps.map((s, i): RowValues => {
    const key = s.label !== undefined && STEP_LABEL_KEY.test(s.label);
    return {
      order: String(i + 1),
      key: s.key,
      role: s.role,
      label: key ? "" : (s.label ?? ""),
      labelKey: key ? s.label! : "",
      dueWorkdays: String(s.dueWorkdays),
      onlyIfImportant: s.onlyIfImportant ?? false,
      classification: s.classification ?? false,
    };
  });
  for (let i = 0; i < BLANK_ROWS; i++) {
    rows.push({ order: String(steps.length + i + 1), key: "", role: "", label: "", labelKey: "", dueWorkdays: "", onlyIfImportant: false, classification: false });
  }
  return rows;
}

/**
 * A refused chain's errors for the summary above its editor: each row field's under its own name
 * (`steps.<row>.<field>`, a refused labelKey under the label's), so that the summary links to the
 * cell (`c<index>-steps.<row>.<field>`); the chain's own and any other as the form's text, with the
 * note that nothing was changed.
 */
function summaryOf(failed: { errors: string[]; fieldErrors: FieldErrors }, rowLabel: (row: number, field: string) => string) {
  const errors: FieldErrors = {};
  const labels: Record<string, string> = {};
  const form = [...failed.errors];
  for (const [name, keys] of Object.entries(failed.fieldErrors)) {
    const m = /^steps\.(\d{1,2})\.([A-Za-z]+)$/.exec(name);
    const field = m?.[2] === "labelKey" ? "label" : m?.[2];
    if (!m || !field || !FIELDS.includes(field as RowField)) {
      form.push(...(keys ?? []));
      continue;
    }
    const at = `steps.${m[1]}.${field}`;
    errors[at] = [...new Set([...(errors[at] ?? []), ...(keys ?? [])])];
    labels[at] = rowLabel(Number(m[1]), field);
  }
  if (!form.length && !Object.keys(errors).length) return { errors, labels };
  return { errors: { _form: [...new Set(form), "chains.unchanged"], ...errors }, labels };
}

function ChainEditor({
  index,
  typeKey,
  typeLabel,
  rows,
  fieldErrors,
  busy,
}: {
  index: number;
  typeKey: string;
  typeLabel: string;
  rows: RowValues[];
  fieldErrors: FieldErrors;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { roles } = useLoaderData<typeof loader>();
  const captionId = `chain-${index}-caption`;
  const hintId = `chain-${index}-hint`;
  return (
    <PostForm noValidate>
      <input type="hidden" name="documentType" value={typeKey} />
      <p className="hint" id={hintId}>
        {t("chains.editHint")}
      </p>
      <TableScroll labelledBy={captionId}>
        <table className="table">
          <caption id={captionId}>{t("chains.caption", { type: typeLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("chains.order")}</th>
              <th scope="col">{t("chains.key")}</th>
              <th scope="col">{t("chains.role")}</th>
              <th scope="col">{t("chains.label")}</th>
              <th scope="col">{t("chains.dueWorkdays")}</th>
              <th scope="col">{t("chains.onlyIfImportant")}</th>
              <th scope="col">{t("chains.classification")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const name = (f: RowField) => `steps.${i}.${f}`;
              // A cell's errors under its field's name; a refused standard label (labelKey) is the label cell's.
              const errors: FieldErrors = { ...fieldErrors, [name("label")]: [...(fieldErrors[name("label")] ?? []), ...(fieldErrors[name("labelKey")] ?? [])] };
              const blank = !row.key && !row.role;
              // Each cell's own label names its row, for screen readers going cell by cell; the column heading shows it to the eye.
              const cell = (f: RowField, field: string) => ({
                name: name(f),
                label: t(blank ? "chains.newRowField" : "chains.rowField", { n: i + 1, field }),
                labelHidden: true,
                errors,
                idPrefix: `c${index}`,
              });
              return (
                <tr key={i}>
                  <td>
                    <TextField {...cell("order", t("chains.order"))} type="number" min={1} max={99} size={3} defaultValue={row.order} />
                  </td>
                  <td>
                    <TextField {...cell("key", t("chains.key"))} type="text" maxLength={40} autoComplete="off" spellCheck={false} defaultValue={row.key} />
                  </td>
                  <td>
                    <SelectField {...cell("role", t("chains.role"))} defaultValue={row.role}>
                      <option value="">{t("chains.noRole")}</option>
                      {roles.filter((r) => canDecide(r) || r === row.role).map((r) => (
                        <option key={r} value={r} disabled={!canDecide(r)}>
                          {roleLabel(r)}
                        </option>
                      ))}
                    </SelectField>
                  </td>
                  <td>
                    <TextField
                      {...cell("label", t("chains.label"))}
                      type="text"
                      maxLength={LABEL_MAX}
                      defaultValue={row.label}
                      hint={row.labelKey ? t("chains.standardLabel", { label: t(row.labelKey, { defaultValue: row.labelKey }) }) : undefined}
                    />
                    {row.labelKey && <input type="hidden" name={name("labelKey")} value={row.labelKey} />}
                  </td>
                  <td>
                    <TextField {...cell("dueWorkdays", t("chains.dueWorkdays"))} type="number" min={1} max={60} size={3} defaultValue={row.dueWorkdays} />
                  </td>
                  <td>
                    <Checkbox {...cell("onlyIfImportant", t("chains.onlyIfImportant"))} value="on" defaultChecked={row.onlyIfImportant} />
                  </td>
                  <td>
                    <Checkbox {...cell("classification", t("chains.classification"))} value="on" defaultChecked={row.classification} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <SubmitButton name="intent" value="save" disabled={busy}>
        {t("chains.save")}
        <span className="visually-hidden">{t("chains.forType", { type: typeLabel })}</span>
      </SubmitButton>
    </PostForm>
  );
}

export default function Chains() {
  const { t } = useTranslation();
  const { types, canEdit, title } = useLoaderData<typeof loader>();
  const roleLabel = useRoleLabel();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const stepLabel = (s: ChainStep) => (s.label && I18N_KEY.test(s.label) ? t(s.label, { defaultValue: s.label }) : (s.label ?? s.key));
  const known = result?.documentType && types.some((d) => d.key === result.documentType);
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{t("chains.intro")}</p>
      {!canEdit && <p className="notice notice-info">{t("chains.readOnly")}</p>}
      {result && !result.ok && !known && <ErrorSummary errors={{ _form: result.errors }} idPrefix="chains" />}
      {types.length === 0 && <p className="muted">{t("chains.none")}</p>}
      {types.map((type, index) => {
        const typeLabel = t(type.label, { defaultValue: type.label });
        const mine = result?.documentType === type.key ? result : null;
        const failed = mine && !mine.ok ? mine : null;
        const headingId = `chain-${index}`;
        return (
          <section key={type.key} aria-labelledby={headingId}>
            <h2 id={headingId}>{typeLabel}</h2>
            <p>
              <span className="badge">{type.own ? t("chains.own") : t("chains.default")}</span>
              {type.requiresClassification && <span className="badge">{t("chains.requiresClassification")}</span>}
            </p>
            {type.storedRefused && <p className="notice notice-error">{t("chains.storedRefused")}</p>}
            {mine?.ok && <FormMessage tone="success">{t(mine.done, { type: typeLabel })}</FormMessage>}
            {failed && <ErrorSummary {...summaryOf(failed, (n, field) => t("chains.rowField", { n: n + 1, field: t(`chains.${field}`) }))} idPrefix={`c${index}`} />}
            <h3 id={`${headingId}-current`}>{t("chains.current")}</h3>
            <ol aria-labelledby={`${headingId}-current`}>
              {type.steps.map((s) => (
                <li key={s.key}>
                  {stepLabel(s)} <span className="muted">— {roleLabel(s.role)} · {t("chains.dueIn", { count: s.dueWorkdays })}</span>
                  {s.onlyIfImportant && <span className="badge">{t("chains.onlyIfImportant")}</span>}
                  {s.classification && <span className="badge">{t("chains.classification")}</span>}
                </li>
              ))}
            </ol>
            {canEdit && (
              <>
                <h3>{t("chains.edit")}</h3>
                <ChainEditor
                  // A refusal shows the rows as sent; a success, the stored chain.
                  key={failed?.rows ? `sent-${JSON.stringify(failed.rows)}` : `stored-${JSON.stringify(type.steps)}`}
                  index={index}
                  typeKey={type.key}
                  typeLabel={typeLabel}
                  rows={failed?.rows ?? rowsFrom(type.steps)}
                  fieldErrors={failed?.fieldErrors ?? {}}
                  busy={busy}
                />
                {type.own && (
                  <PostForm>
                    <input type="hidden" name="documentType" value={type.key} />
                    <button type="submit" name="intent" value="reset" className="button" disabled={busy}>
                      {t("chains.reset")}
                      <span className="visually-hidden">{t("chains.forType", { type: typeLabel })}</span>
                    </button>
                  </PostForm>
                )}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
