// Moved to core, where the requests plugin's reply files use it too.
export { contentDisposition } from "../../../../app/plugin-api/files.server";

/** Open data may be read by any site's scripts. */
export const OPEN_DATA_HEADERS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=60" };

/** The API's refusal: an HTTP status and `{ error: { code, message, parameter? } }`. */
export function jsonError(status: 400 | 404, code: string, message: string, parameter?: string): Response {
  return Response.json({ error: { code, message, ...(parameter ? { parameter } : {}) } }, { status, headers: OPEN_DATA_HEADERS });
}
