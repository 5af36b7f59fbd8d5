import { closeSync, openSync, readSync, statSync } from "node:fs";
import { request } from "node:http";

/** One statement as the app's GONGKAI_SQL_TRACE wrote it. */
export interface TracedStatement {
  sql: string;
  parameters: unknown[];
  error?: true;
}

/** What one request to the app did and answered: replayed by the baseline. */
export interface Recording {
  path: string;
  status: number;
  /** Response headers as sent, in order, as [name, value] pairs. */
  headers: [string, string][];
  bodyBase64: string;
  statements: TracedStatement[];
}

interface Answer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** A plain GET with no headers of our own, as autocannon sends it (no Accept-Encoding, no cookies). */
function get(baseUrl: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method: "GET", agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function readFrom(file: string, offset: number): string {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size <= offset) return "";
  const buf = Buffer.alloc(size - offset);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buf, 0, buf.length, offset);
  } finally {
    closeSync(fd);
  }
  return buf.toString("utf8");
}

/** One request and the statements written to the trace between sending it and a short pause after its answer. */
async function once(baseUrl: string, traceFile: string, path: string): Promise<Recording> {
  const offset = statSync(traceFile, { throwIfNoEntry: false })?.size ?? 0;
  const answer = await get(baseUrl, path);
  await new Promise((r) => setTimeout(r, 30));
  const statements = readFrom(traceFile, offset)
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TracedStatement);
  return { path, status: answer.status, headers: answer.headers, bodyBase64: answer.body.toString("base64"), statements };
}

/**
 * Records each path from a server started with GONGKAI_SQL_TRACE=`traceFile`, one request at a
 * time (nothing else may talk to that server meanwhile). Each path is requested twice and the
 * answer with fewer statements kept: the steady state, without a cache refresh that happened to
 * fall into one request (the tenant directory reloads every 30 s) or start-up's first-use work.
 */
export async function record(baseUrl: string, traceFile: string, paths: string[]): Promise<Recording[]> {
  const out: Recording[] = [];
  for (const path of paths) {
    const first = await once(baseUrl, traceFile, path);
    const second = await once(baseUrl, traceFile, path);
    out.push(second.statements.length <= first.statements.length ? second : first);
  }
  return out;
}

/** The recording is only a baseline if each page answered 200 after running SQL that did not fail. */
export function recordingProblems(recordings: Recording[]): string[] {
  const problems: string[] = [];
  for (const r of recordings) {
    if (r.status !== 200) problems.push(`${r.path}: answered ${r.status}`);
    if (!r.statements.some((s) => /^\s*(select|with)\b/i.test(s.sql))) problems.push(`${r.path}: ran no SELECT`);
    if (r.statements.some((s) => s.error)) problems.push(`${r.path}: a statement failed`);
    if (r.bodyBase64.length === 0) problems.push(`${r.path}: empty body`);
  }
  return problems;
}
