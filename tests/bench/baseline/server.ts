import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Recording } from "../runner/record";
import { openPool, replay, replayable, type Replayable } from "./replay";

/**
 * The baseline of issue 7: a bare node:http server that, for each recorded path, runs the SQL the
 * app ran for it (same statements, parameters and transactions, same database and driver) and
 * writes the bytes the app answered. Usage: tsx tests/bench/baseline/server.ts <recordings.json>,
 * with PORT, HOST and DATABASE_URL or GONGKAI_DATA_DIR in the environment.
 */
const file = process.argv[2];
if (!file) {
  console.error("usage: tsx tests/bench/baseline/server.ts <recordings.json>");
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, Recording[]>;
const byPath = new Map<string, Replayable>();
for (const list of Object.values(recorded)) for (const r of list) byPath.set(r.path, replayable(r));

const { pool, close } = await openPool(process.env);
const health = Buffer.from(JSON.stringify({ status: "ok" }));

const server = createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": health.length }).end(health);
    return;
  }
  const r = byPath.get(req.url ?? "");
  if (!r) {
    res.writeHead(404).end();
    return;
  }
  replay(pool, r).then(
    () => res.writeHead(r.status, r.headers).end(r.body),
    (err: unknown) => {
      console.error(`baseline: ${req.url}: ${String(err)}`);
      res.writeHead(500).end();
    },
  );
});
server.listen(Number(process.env.PORT ?? 3100), process.env.HOST ?? "127.0.0.1", () => console.log(`baseline listening, ${byPath.size} paths`));

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  await close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
