/**
 * The 4xx status an error carries when it is the client's fault (Express and its helpers throw
 * `http-errors` with `status`, e.g. 400 for a path parameter that does not decode), or null for a
 * fault of ours.
 */
export function clientError(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === "number" ? status : statusCode;
  return typeof code === "number" && code >= 400 && code < 500 ? code : null;
}
