import { isRouteErrorResponse } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRequestInfo } from "./request-info";

export type ErrorKind = "badRequest" | "notFound" | "forbidden" | "server";

export function errorKind(error: unknown): ErrorKind {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return status === 400 ? "badRequest" : status === 404 ? "notFound" : status === 403 ? "forbidden" : "server";
}

/** The i18n key a 400 names (see `badRequest`), shown above the general text; only an error key, never other data. */
export function badRequestMessage(error: unknown): string | null {
  if (!isRouteErrorResponse(error) || error.status !== 400) return null;
  const message = (error.data as { message?: unknown } | null)?.message;
  return typeof message === "string" && /^([a-z0-9-]+:)?([A-Za-z0-9_-]+\.)*errors\.[A-Za-z0-9_.]+$/.test(message) ? message : null;
}

/** What a reader sees of a failure wherever it is framed: a localised title and text and the request id, never a stack trace. */
export function ErrorText({ error, home }: { error: unknown; home: ReactNode }) {
  const { t } = useTranslation();
  const { requestId } = useRequestInfo();
  const kind = errorKind(error);
  const detail = badRequestMessage(error);
  return (
    <>
      <h1>{t(`errors.page.${kind}.title`)}</h1>
      {detail && <p role="alert">{t(detail)}</p>}
      <p>{t(`errors.page.${kind}.body`)}</p>
      {requestId && (
        <p className="muted">
          {t("errors.page.requestId")}: <code>{requestId}</code>
        </p>
      )}
      <p>{home}</p>
    </>
  );
}
