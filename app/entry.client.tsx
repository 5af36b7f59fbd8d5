import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions } from "./core/i18n/config";
import { RequestInfoContext } from "./ui/request-info";

// The page names its locale's translations (see root.tsx), so hydration renders the same words.
const source = document.getElementById("i18n-resources");
const src = source?.dataset.src;
const resources = src ? await (await fetch(src)).json() : JSON.parse(source?.textContent || "{}");
const lng = document.documentElement.lang;
const requestId = document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content ?? "";

await i18next.use(initReactI18next).init({ ...i18nOptions, lng, resources: { [lng]: resources } });

startTransition(() => {
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18next}>
      <RequestInfoContext.Provider value={{ nonce: "", requestId }}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </RequestInfoContext.Provider>
    </I18nextProvider>,
  );
});
