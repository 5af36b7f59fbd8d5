import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { createStaffAccount, newAccountProblems, refusalErrors } from "~/core/auth/account-admin.server";
import { parseForm } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { requirePlatform } from "~/core/permissions/platform.server";
import { PostForm } from "~/ui/forms";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form-kit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const required = { error: "errors.required" };

const CreateSchema = z
  .object({
    username: z.string().trim().min(1, required).max(200, { error: "errors.invalid" }),
    displayName: z.string().trim().min(1, required).max(100),
    password: z.string().min(1, required).max(256),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "errors.password.mismatch" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatform(request, context, "core.accounts.manage");
  const t = await fixedT(context, request, "platform");
  return { title: `${t("accounts.create.title")} · ${t("console.title")}` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.accounts.manage");
  const form = await request.formData();
  const values = {
    username: String(form.get("username") ?? ""),
    displayName: String(form.get("displayName") ?? ""),
  };
  const parsed = parseForm(CreateSchema, form);
  // Every problem in one answer: the schema's and the username/password rules', whether or not the schema passed.
  const problems = newAccountProblems({ ...values, password: String(form.get("password") ?? "") });
  if (!parsed.ok || Object.keys(problems).length) {
    return { errors: { ...problems, ...(parsed.ok ? {} : parsed.errors) }, values };
  }
  try {
    const id = await createStaffAccount(ctx, parsed.data);
    return redirect(`/admin/accounts/${id}?done=created`);
  } catch (e) {
    const errors = refusalErrors(e);
    if (errors) return { errors, values };
    throw e;
  }
}

export default function NewAccount() {
  const { t } = useTranslation("platform");
  useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <p>
        <Link to="/admin/accounts">{t("accounts.back")}</Link>
      </p>
      <h1>{t("accounts.create.title")}</h1>
      <p className="muted">{t("accounts.create.staffOnly")}</p>
      <ErrorSummary
        errors={errors}
        labels={{
          username: t("accounts.username"),
          displayName: t("accounts.displayName"),
          password: t("accounts.initialPassword"),
          confirm: t("accounts.confirmPassword"),
        }}
      />
      <PostForm className="stack narrow" noValidate>
        <TextField
          name="username"
          label={t("accounts.username")}
          hint={t("accounts.usernameHint")}
          autoComplete="off"
          required
          defaultValue={result?.values.username}
          errors={errors}
        />
        <TextField name="displayName" label={t("accounts.displayName")} required defaultValue={result?.values.displayName} errors={errors} />
        <TextField
          name="password"
          type="password"
          label={t("accounts.initialPassword")}
          hint={t("core:account.password.policy")}
          autoComplete="new-password"
          required
          errors={errors}
        />
        <TextField name="confirm" type="password" label={t("accounts.confirmPassword")} autoComplete="new-password" required errors={errors} />
        <SubmitButton className="button primary">
          {t("accounts.create.submit")}
        </SubmitButton>
      </PostForm>
    </>
  );
}
