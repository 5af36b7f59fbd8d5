import type { LoaderFunctionArgs } from "@remix-run/node";
import { migrationState } from "../../db/migrate";

/** Liveness and readiness for load balancers and operators: engine, migrations, and a live query. */
export async function loader({ context }: LoaderFunctionArgs) {
  const { db, engine } = context.services;
  try {
    const migrations = await migrationState(db);
    const ok = migrations.pending.length === 0;
    return Response.json(
      { status: ok ? "ok" : "migrations_pending", engine, migrations, time: new Date().toISOString() },
      { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "database_unavailable", engine }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
