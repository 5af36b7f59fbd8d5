import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicLayout, useLocale } from "../../../app/plugin-api/ui";
import { pluginLoader } from "../server/loaders.server";

export const loader = pluginLoader(async (ctx) => {
  const notes = await ctx.withTenant((trx) =>
    trx.selectFrom("__TABLE___notes").select(["id", "body"]).where("is_public", "=", true).orderBy("created_at", "desc").limit(50).execute(),
  );
  return { tenant: ctx.tenant, intro: String(ctx.settings.publicIntro ?? ""), notes };
});

export default function PublicNotes() {
  const { t } = useTranslation("__ID__");
  const locale = useLocale();
  const { tenant, intro, notes } = useLoaderData<typeof loader>();
  return (
    <PublicLayout title={tenant.name[locale]} homeHref={`/t/${tenant.code}`}>
      <h1>{t("title")}</h1>
      {intro && <p className="lead">{intro}</p>}
      {notes.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul>
          {notes.map((n) => (
            <li key={n.id}>{n.body}</li>
          ))}
        </ul>
      )}
    </PublicLayout>
  );
}
