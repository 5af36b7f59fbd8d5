import type { DemoSeedResult } from "../../db/seed/demo";

/**
 * What a newcomer needs after `npm start`: where to go and how to sign in. On PostgreSQL the demo
 * runs only when GONGKAI_DEMO=true was given, and the banner says what that means.
 */
export function printDemoBanner(url: string, demo: DemoSeedResult, engine: "pglite" | "postgres" = "pglite"): void {
  const lines = [
    "",
    `  Gongkai demo is running at ${url}`,
    "",
    ...(engine === "postgres"
      ? [
          "  WARNING: GONGKAI_DEMO=true on PostgreSQL: these demo accounts, the three platform administrators",
          "  included, share one password. Never on a production database; remove them with a fresh database.",
          "",
        ]
      : []),
    "  Demo accounts (one per role and office):",
    "    platform.sysadmin  platform.secadmin  platform.auditor",
    "    city.*  donghu.*  xishan.*  nanling.*   where * is one of",
    `      ${demo.roles.join(" ")}`,
    "",
    demo.password
      ? `  Password for every demo account: ${demo.password}   (shown once; keep it)`
      : "  The demo password was printed on first start. To reset it: GONGKAI_DEMO_PASSWORD=... npm start",
    "",
  ];
  console.log(lines.join("\n"));
}
