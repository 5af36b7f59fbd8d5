import { ensureBenchData, specFrom } from "./index";
import { BenchSpecError } from "./spec";

/**
 * npm run bench:data -- --preset small|city|national [--tenants N --items M --requests K] [--seed S]
 *   [--engine pglite|postgres] [--fresh]
 */
try {
  const args = process.argv.slice(2);
  const manifest = await ensureBenchData(specFrom(args), { fresh: args.includes("--fresh") });
  const where = manifest.databaseUrl ?? manifest.dataDir;
  console.log(`[bench:data] ${manifest.tenants.length} tenants at ${where}; sign in as ${manifest.staff[0]?.username} / ${manifest.staff[0]?.password}`);
} catch (e) {
  if (e instanceof BenchSpecError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
