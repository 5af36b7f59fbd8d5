import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFileText, fileKind } from "../../../app/plugin-api/files.server";
import { seedDemoItems } from "../server/seed.server";
import { openDisclosure } from "./setup";

type Env = Awaited<ReturnType<typeof openDisclosure>>;
let env: Env;
let seedMs = 0;

/** The names of the entries of a zip (its central directory), enough to tell a real .docx/.xlsx. */
function zipEntries(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString("utf8");
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

beforeAll(async () => {
  env = await openDisclosure();
  const started = performance.now();
  await seedDemoItems(env.systemContext(env.office.id));
  seedMs = performance.now() - started;
  console.info(`demo items of one office seeded in ${Math.round(seedMs)} ms`);
}, 120_000);
afterAll(() => env.handle.close());

describe("the demo's attachments", () => {
  it("are real PDF, Word and Excel files whose extracted text is the text stored for search and 保密审查", async () => {
    const ctx = env.systemContext(env.office.id);
    const rows = await ctx.withTenant((trx) => trx.selectFrom("disclosure_attachments").select(["name", "mime", "size", "bytes", "text"]).where("tenant_id", "=", env.office.id).execute());
    console.info(`${rows.length} demo attachments`);
    const kinds = new Set<string>();
    for (const row of rows) {
      const bytes = new Uint8Array(row.bytes as Buffer);
      expect(bytes.length, row.name).toBe(Number(row.size));
      const kind = fileKind(row.name, bytes);
      expect(kind, row.name).not.toBeNull();
      kinds.add(kind!);
      if (kind === "pdf") {
        expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
        expect(row.mime).toBe("application/pdf");
      } else {
        const entries = zipEntries(bytes);
        expect([...entries.keys()]).toContain("[Content_Types].xml");
        expect([...entries.keys()]).toContain(kind === "docx" ? "word/document.xml" : "xl/workbook.xml");
      }
      const text = await extractFileText(kind!, bytes);
      expect(text.length, row.name).toBeGreaterThan(10);
      expect(text, row.name).toBe(row.text);
      expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    }
    expect([...kinds].sort()).toEqual(["docx", "pdf", "xlsx"]);
  });
});
