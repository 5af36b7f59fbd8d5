import { fork } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAnchorLine, auditAnchorFile, readAnchorFile } from "../../app/core/audit/anchor-file.server";
import { loadConfig } from "../../app/core/config.server";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gongkai-anchors-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const head = (seq: number) => ({ tenantId: "00000000-0000-4000-8000-000000000001", code: "demo-donghu", seq, hash: "b".repeat(64) });

describe("the audit anchor file", () => {
  it("lies under the data directory unless GONGKAI_AUDIT_ANCHOR_FILE names one", () => {
    expect(auditAnchorFile(loadConfig({ GONGKAI_DATA_DIR: "/srv/gongkai" }))).toBe("/srv/gongkai/audit-anchors.jsonl");
    expect(auditAnchorFile(loadConfig({ GONGKAI_AUDIT_ANCHOR_FILE: join(dir, "elsewhere.jsonl") }))).toBe(join(dir, "elsewhere.jsonl"));
    expect(() => loadConfig({ GONGKAI_AUDIT_ANCHOR_FILE: "/no/such/dir/anchors.jsonl" })).toThrow(/GONGKAI_AUDIT_ANCHOR_FILE: its directory must exist/);
  });

  it("appends JSON lines and reads back every head with its line; a missing file is reported as such", async () => {
    const file = join(dir, "a.jsonl");
    expect(await readAnchorFile(file)).toMatchObject({ found: false, lines: 0, heads: [] });
    appendAnchorLine(file, { at: "2026-12-08T01:00:00.000Z", heads: [head(1)] });
    appendAnchorLine(file, { at: "2026-12-08T01:10:00.000Z", heads: [head(2), { ...head(7), tenantId: "00000000-0000-0000-0000-000000000000", code: "platform" }] });
    const scan = await readAnchorFile(file);
    expect(scan).toMatchObject({ found: true, lines: 2, problems: [] });
    expect(scan.heads.map((h) => [h.line, h.code, h.seq])).toEqual([
      [1, "demo-donghu", 1],
      [2, "demo-donghu", 2],
      [2, "platform", 7],
    ]);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
  });

  it("names the lines that are not anchors (an edit, a torn write)", async () => {
    const file = join(dir, "b.jsonl");
    appendAnchorLine(file, { at: "2026-12-08T01:00:00.000Z", heads: [head(1)] });
    await appendFile(file, '{"at":"2026-12-08T01:10:00.000Z","heads":[{"tenantId":"00000000-0000-4000-8000-000000000001","code":"x","seq":2,"hash":"短"}]}\n{"at":"2026-12-08T01:2\n');
    const scan = await readAnchorFile(file);
    expect(scan.heads).toHaveLength(1);
    expect(scan.problems).toEqual([
      { line: 2, message: expect.stringMatching(/^not an anchor \(heads\.0\.hash/) },
      { line: 3, message: "not JSON" },
    ]);
  });

  it("keeps every line whole when several processes append large lines at once", async () => {
    const file = join(dir, "concurrent.jsonl");
    const script = new URL("../fixtures/audit/append-anchors.ts", import.meta.url).pathname;
    const writers = ["1", "2", "3", "4"];
    await Promise.all(
      writers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const child = fork(script, [file, w, "40", "600"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
            child.on("error", reject);
            child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${w} exited ${code}`))));
          }),
      ),
    );
    const lines = (await readFile(file, "utf8")).split("\n").filter(Boolean);
    expect(lines).toHaveLength(writers.length * 40);
    const scan = await readAnchorFile(file);
    expect(scan.problems).toEqual([]);
    for (const w of writers) expect(scan.heads.filter((h) => h.code === `writer-${w}`)).toHaveLength(40 * 600);
  }, 180_000);
});
