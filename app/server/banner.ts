import type { DemoSeedResult } from "../../db/seed/demo";

/** What a newcomer needs after `npm start`: where to go and how to sign in. */
export function printDemoBanner(url: string, demo: DemoSeedResult): void {
  const lines = [
    "",
    `  Gongkai demo is running at ${url}`,
    "",
    "  Demo accounts (one per role and office):",
    "    platform.sysadmin  platform.secadmin  platform.auditor",
    "    city.*  donghu.*  xishan.*  nanling.*   where * is one of",
    "      drafter dept_reviewer classifier leader principal requests_officer supervisor viewer",
    "",
    demo.password
      ? `  Password for every demo account: ${demo.password}   (shown once; keep it)`
      : "  The demo password was printed on first start. To reset it: GONGKAI_DEMO_PASSWORD=... npm start",
    "",
  ];
  console.log(lines.join("\n"));
}
