import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT } from "~/core/i18n/locale.server";
import { PublicLayout } from "~/ui/public-layout";
import { useLocale } from "~/ui/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: "description", content: data?.description },
];

/** The platform's front page: every public office, each city with its branch offices beneath it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const tenants = await context.services.tenants.fresh();
  const visible = tenants.all().filter((t) => t.isPublic);
  const roots = visible.filter((t) => !t.parentId || !visible.some((p) => p.id === t.parentId));
  const tree = roots.map((r) => ({
    code: r.code,
    name: r.name,
    children: visible.filter((c) => c.parentId === r.id).map((c) => ({ code: c.code, name: c.name })),
  }));
  const t = await fixedT(context, request);
  return { title: t("app.name"), description: t("home.intro"), tree };
}

export default function Index() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { tree } = useLoaderData<typeof loader>();
  return (
    <PublicLayout title={t("app.name")}>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <h2>{t("home.offices")}</h2>
      {tree.length === 0 ? (
        <p className="muted">{t("home.noOffices")}</p>
      ) : (
        <ul className="tenant-tree">
          {tree.map((root) => (
            <li key={root.code}>
              <Link to={`/t/${root.code}`} className="tenant-link">
                {root.name[locale]}
              </Link>
              {root.children.length > 0 && (
                <ul>
                  {root.children.map((c) => (
                    <li key={c.code}>
                      <Link to={`/t/${c.code}`}>{c.name[locale]}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </PublicLayout>
  );
}
