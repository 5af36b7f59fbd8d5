import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fixedT, localeOf } from "./core/i18n/locale.server";
import { elderModeOf } from "./ui/elder-mode.server";
import { errorKind, ErrorText } from "./ui/error-text";
import { useRequestInfo } from "./ui/request-info";
import stylesheet from "./ui/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await fixedT(context, request);
  const locale = await localeOf(request);
  return {
    locale,
    i18nBundle: context.services.i18nBundles[locale].path,
    elder: elderModeOf(request),
    csrfToken: context.csrfToken,
    roleLabels: context.services.permissions.roles.labels(),
    // For the <title> of the error page, which a meta function cannot translate itself.
    errorTitles: {
      app: t("app.name"),
      badRequest: t("errors.page.badRequest.title"),
      notFound: t("errors.page.notFound.title"),
      forbidden: t("errors.page.forbidden.title"),
      server: t("errors.page.server.title"),
    },
  };
}

/** Only the error page takes its title from here (WCAG 2.4.2); every page route sets its own. */
export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [];
  const titles = data?.errorTitles;
  return titles ? [{ title: `${titles[errorKind(error)]} · ${titles.app}` }] : [{ title: "Error" }];
};

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const { i18n } = useTranslation();
  const { nonce, requestId } = useRequestInfo();
  const locale = data?.locale ?? i18n.language;
  // The browser fetches the locale's translations (cached for good) before hydrating; only a page
  // whose root loader failed carries them inline.
  const bundle = data?.i18nBundle;
  // A mark that the page is interactive now, for the browser tests to wait for.
  useEffect(() => document.documentElement.setAttribute("data-hydrated", ""), []);
  const embedded = bundle ? "" : JSON.stringify(i18n.store?.data[locale] ?? {}).replace(/</g, "\\u003c");
  return (
    <html lang={locale} className={data?.elder ? "elder" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="request-id" content={requestId} />
        <Meta />
        <Links />
        {bundle && <link rel="preload" href={bundle} as="fetch" crossOrigin="anonymous" />}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <script id="i18n-resources" type="application/json" nonce={nonce} data-src={bundle} dangerouslySetInnerHTML={{ __html: embedded }} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The one place a user sees an unexpected failure outside an office's site: a localised message and the request id, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <main className="error-page" id="main">
      <ErrorText error={error} home={<a href="/">{t("nav.home")}</a>} />
    </main>
  );
}
