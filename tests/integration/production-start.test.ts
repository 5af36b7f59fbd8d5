import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { openDatabase } from "../../db/client";
import { connectingRole, connectingRoleProblem } from "../../app/server/connecting-role";
import { cleanEnv, freePort } from "../e2e/processes";
import { openTestDatabase, uniq } from "../helpers/db";

/** Issue 13, failure 7: production started on a superuser connection, from which RESET ROLE undoes row-level security. */
const root = fileURLToPath(new URL("../../", import.meta.url));
const url = inject("databaseUrl");
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle?.close());

describe("the connecting role", () => {
  it("is seen for what it is: the test runs as a superuser, which production refuses", async () => {
    const role = await connectingRole(handle.db);
    expect(role.superuser).toBe(true);
    expect(connectingRoleProblem(role)).toMatch(/Refusing to start in production/);
  });

  it.skipIf(!url)("accepts an owner role without SUPERUSER or BYPASSRLS (PostgreSQL)", async () => {
    const name = `gk_owner_${uniq()}`;
    const password = randomBytes(12).toString("hex");
    await sql`CREATE ROLE ${sql.id(name)} LOGIN PASSWORD ${sql.lit(password)} NOSUPERUSER NOBYPASSRLS`.execute(handle.db);
    try {
      const as = new URL(url!);
      as.username = name;
      as.password = password;
      const owner = await openDatabase({ url: as.toString(), dataDir: "" });
      try {
        const role = await connectingRole(owner.db);
        expect(role).toEqual({ name, superuser: false, bypassRls: false, powerfulRoles: [] });
        expect(connectingRoleProblem(role)).toBeNull();
      } finally {
        await owner.close();
      }
    } finally {
      await sql`DROP ROLE ${sql.id(name)}`.execute(handle.db);
    }
  });

  it.skipIf(!url)("stops a production start on a superuser URL before it touches the database (PostgreSQL)", async () => {
    const before = await handle.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const port = String(await freePort());
    const start = spawnSync(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
      env: cleanEnv({
        NODE_ENV: "production",
        DATABASE_URL: url!,
        GONGKAI_DEMO: "true",
        GONGKAI_DATA_KEY: randomBytes(32).toString("base64"),
        GONGKAI_AUDIT_KEY: randomBytes(32).toString("base64"),
        PORT: port,
        LOG_LEVEL: "silent",
      }),
    });
    expect(start.status).toBe(1);
    expect(start.stderr).toMatch(/Refusing to start in production: DATABASE_URL connects as "postgres", a superuser/);
    // Not even the demo accounts it was asked for.
    const after = await handle.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
