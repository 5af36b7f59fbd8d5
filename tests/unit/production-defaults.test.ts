import { describe, expect, it } from "vitest";
import { loadConfig } from "../../app/core/config.server";
import { connectingRoleProblem, type ConnectingRole } from "../../app/server/connecting-role";

/** Issue 13, failure 7: a PostgreSQL start in production created the demo accounts and ran as a superuser. */
describe("demo accounts by default", () => {
  const url = "postgres://gongkai@db.example:5432/gongkai";

  it("only on the embedded database", () => {
    expect(loadConfig({}).GONGKAI_DEMO).toBe(true);
    expect(loadConfig({ DATABASE_URL: url }).GONGKAI_DEMO).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, NODE_ENV: "production" }).GONGKAI_DEMO).toBe(false);
  });

  it("as asked for, either way", () => {
    expect(loadConfig({ DATABASE_URL: url, GONGKAI_DEMO: "true" }).GONGKAI_DEMO).toBe(true);
    expect(loadConfig({ GONGKAI_DEMO: "false" }).GONGKAI_DEMO).toBe(false);
  });
});

describe("the role production connects as", () => {
  const owner: ConnectingRole = { name: "gongkai", superuser: false, bypassRls: false, powerfulRoles: [] };

  it("is an ordinary owner role", () => {
    expect(connectingRoleProblem(owner)).toBeNull();
  });

  it("is refused when it is a superuser, bypasses row-level security, or can become a role that does", () => {
    expect(connectingRoleProblem({ ...owner, name: "postgres", superuser: true })).toMatch(/"postgres", a superuser[\s\S]*NOSUPERUSER NOBYPASSRLS[\s\S]*Running on PostgreSQL/);
    expect(connectingRoleProblem({ ...owner, bypassRls: true })).toMatch(/BYPASSRLS/);
    expect(connectingRoleProblem({ ...owner, powerfulRoles: ["postgres"] })).toMatch(/a member of postgres/);
  });
});
