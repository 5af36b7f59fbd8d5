import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
import { openDatabase } from "../../../db/client";
import { installAuditKey } from "../../../app/core/audit/hasher";
import { generateInto, type Generated } from "./generate";
import type { BenchSamples } from "./samples";
import { BENCH_TODAY, specFrom, type BenchEngine, type BenchSpec } from "./spec";
import { readJson, recreate, targetExists, targetOf, writeKey, type Target } from "./target";

/**
 * The bench data generator's interface (issue 7): `ensureBenchData(specFrom(args))` gives a
 * database of the requested size and a manifest saying how to reach it, generating it only when
 * the stored one was made for another spec or by another version of this generator.
 */

export type { BenchEngine, BenchSpec };
export { specFrom, BENCH_TODAY };
export { generateInto, type Generated, type GenerateOptions, type GenerateSizes } from "./generate";

/** Bump when generated rows change, so stored bench data made by an older generator is regenerated (3: audit chains keyed). */
export const GENERATOR_VERSION = 3;

export interface BenchManifest {
  spec: BenchSpec;
  databaseUrl?: string;
  dataDir?: string;
  dataKeyBase64: string;
  /** The audit key the generated chains are keyed with; the server is started with it (GONGKAI_AUDIT_KEY). */
  auditKeyBase64: string;
  tenants: { id: string; code: string; level: string; parentCode: string | null; items: number; requests: number }[];
  staff: { tenantCode: string; username: string; password: string }[];
  samples: BenchSamples;
  seconds: number;
  generatedAt: string;
  generatorVersion: number;
  /** The day the data is dated relative to (requests open "today" were received before it). */
  today: string;
  /** Seconds spent loading rows, in VACUUM ANALYZE afterwards, and checking the samples; `seconds` adds creating the database. */
  timings: Generated["timings"];
}

const location = (target: Target) => (target.databaseUrl ? { databaseUrl: target.databaseUrl } : { dataDir: target.dataDir });

export async function ensureBenchData(spec: BenchSpec, opts: { fresh?: boolean; log?: (line: string) => void } = {}): Promise<BenchManifest> {
  const log = opts.log ?? ((line: string) => console.log(`[bench:data] ${line}`));
  const target = targetOf(spec);
  const stored = await readJson<BenchManifest>(target.manifestFile);
  if (!opts.fresh && stored && isDeepStrictEqual(stored.spec, spec) && stored.generatorVersion === GENERATOR_VERSION && (await targetExists(target))) {
    log(`reusing ${target.name} (generated ${stored.generatedAt} in ${stored.seconds} s)`);
    // Where it is now, should the checkout have moved or BENCH_POSTGRES_URL changed.
    return { ...stored, ...location(target) };
  }
  log(`generating ${target.name}: ${spec.tenants} tenants, ${spec.items} items, ${spec.requests} requests, seed ${spec.seed}, on ${spec.engine}`);
  const started = Date.now();
  await recreate(target);
  const dataKey = randomBytes(32);
  await writeKey(target, dataKey);
  const auditKey = randomBytes(32);
  installAuditKey(auditKey);
  const handle = await openDatabase({ url: target.databaseUrl, dataDir: target.dataDir ?? "memory://" });
  let manifest: BenchManifest;
  try {
    const generated = await generateInto(handle, spec, { dataKey, log, vacuum: true });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    manifest = {
      spec,
      ...location(target),
      dataKeyBase64: dataKey.toString("base64"),
      auditKeyBase64: auditKey.toString("base64"),
      tenants: generated.tenants,
      staff: generated.staff,
      samples: generated.samples,
      seconds,
      generatedAt: new Date().toISOString(),
      generatorVersion: GENERATOR_VERSION,
      today: BENCH_TODAY,
      timings: generated.timings,
    };
  } finally {
    await handle.close();
  }
  await writeFile(target.manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`done in ${manifest.seconds} s: ${target.manifestFile}`);
  return manifest;
}
