import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { endpointsOf, type Endpoint } from "../../attack/route-table";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Page routes the sweep does not visit, each with its reason. Routes without a component
 * (downloads, feeds, the open-data API, attachments, healthz, POST-only actions) are not pages and
 * are left out without being listed: the route module itself says so.
 */
export const NOT_SWEPT: Record<string, string> = {
  // The steps of a pending sign-in: reachable only between the password and the session, in one
  // language at a time; tests/e2e/login.test.ts drives them, with axe, and the sweep passes
  // through /login/verify or /login/enrol when it signs the platform administrators in.
  "/login/enrol": "sign-in step (login.test.ts)",
  "/login/verify": "sign-in step (login.test.ts)",
  "/login/recovery-codes": "sign-in step, shows one-time codes (login.test.ts)",
  "/login/password": "sign-in step: replacing an expired password (login.test.ts)",
  // A sent notice's letter is a printable A4 page in 公文 layout (GB/T 9704), as wide as paper by
  // design, not a screen page; requests-letter.test.ts opens it, prints it and downloads its .docx.
  "/t/:tenant/admin/requests/applications/:id/notices/:noticeId/letter": "A4 print view of a sent letter (requests-letter.test.ts)",
  // Signing out is a POST; its GET only sends the browser on.
  "/logout": "POST-only",
};

/** A page of the site: a URL shape some route of which renders a component. */
export interface PageRoute extends Endpoint {
  page: true;
}

/** The production build's route table (tests/e2e/server.ts built it before any test file runs). */
export async function pageRoutes(): Promise<{ endpoints: Endpoint[]; pages: Endpoint[] }> {
  const entry = pathToFileURL(join(root, "build/server/index.js")).href;
  const build = (await import(/* @vite-ignore */ entry)) as ServerBuild;
  const endpoints = endpointsOf(build);
  const pages = endpoints.filter((e) => e.routeIds.some((id) => typeof (build.routes[id]?.module as { default?: unknown }).default === "function"));
  return { endpoints, pages };
}
