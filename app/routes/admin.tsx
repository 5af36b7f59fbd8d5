import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT } from "~/core/i18n/locale.server";
import { PLATFORM_NAV, visibleNav } from "~/core/navigation";
import { requirePlatform } from "~/core/permissions/platform.server";
import { StaffShell } from "~/ui/staff-shell";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

/** The platform console frame. Only the 三员 get in; each sees the menu of their own role. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context);
  const t = await fixedT(context, request, "platform");
  return {
    title: t("console.title"),
    user: ctx.user,
    nav: [
      { label: "platform:overview.nav", to: "/admin", end: true },
      ...visibleNav(PLATFORM_NAV, ctx.permissions).map((n) => ({ label: n.label, to: n.to })),
    ],
  };
}

export default function PlatformLayout() {
  const { t } = useTranslation("platform");
  const { user, nav } = useLoaderData<typeof loader>();
  return (
    <StaffShell
      title={t("console.title")}
      subtitle={user.platformRole ? t(`core:roles.${user.platformRole}`) : undefined}
      user={user}
      nav={nav}
    >
      <Outlet />
    </StaffShell>
  );
}
