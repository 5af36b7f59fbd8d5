import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { tenantNav } from "~/core/navigation";
import { notFound, requireTenant } from "~/core/tenancy/staff.server";
import { ErrorBoundary as RootErrorBoundary } from "~/root";
import { errorKind, ErrorText } from "../error-text";
import { SiteFrame, type SiteData } from "./frame";

/** The id `app/routes.ts` gives this layout route. */
export const PUBLIC_SITE_ROUTE_ID = "public-site";

/**
 * The layout of an office's public site (`/t/:tenant` and every plugin page of area `public`): the office, read once,
 * the public navigation entries of the plugins enabled there, and its contact for the footer.
 */
export async function loader({ params, context }: LoaderFunctionArgs): Promise<SiteData> {
  const tenant = await requireTenant(context, params.tenant);
  if (!tenant.isPublic) throw notFound();
  const base = `/t/${tenant.code}`;
  const c = tenant.settings.contact;
  return {
    office: {
      code: tenant.code,
      base,
      name: tenant.name,
      contact: { address: c.address ?? null, postcode: c.postcode ?? null, hours: c.hours ?? null, phone: c.phone ?? null, email: c.email ?? null },
    },
    nav: tenantNav([], context.services.plugins.nav("public"), tenant.plugins, "public").map((n) => ({ label: n.label, to: `${base}/${n.to}` })),
  };
}

export default function PublicSite() {
  const site = useLoaderData<typeof loader>();
  return (
    <SiteFrame site={site} routeId={PUBLIC_SITE_ROUTE_ID}>
      <Outlet />
    </SiteFrame>
  );
}

/** A 404, 403 or failure under an office answers inside the office's frame; an office that does not exist, as the root does. */
export function ErrorBoundary() {
  const site = useRouteLoaderData<typeof loader>(PUBLIC_SITE_ROUTE_ID);
  const error = useRouteError();
  const { t } = useTranslation();
  if (!site) return <RootErrorBoundary />;
  return (
    <SiteFrame site={site} routeId={PUBLIC_SITE_ROUTE_ID} errorTitle={t(`errors.page.${errorKind(error)}.title`)}>
      <div className="error-page public-site-error" data-status={isRouteErrorResponse(error) ? error.status : 500}>
        <ErrorText error={error} home={<Link to={site.office.base}>{t("publicSite.backHome")}</Link>} />
      </div>
    </SiteFrame>
  );
}
