import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { TenantDefinitionSchema, type TenantDefinition } from "../app/core/tenancy/definition";

const HERE = fileURLToPath(new URL(".", import.meta.url));

export class TenantDefinitionError extends Error {}

/** Loads and validates every `tenants/*.tenant.ts`; errors name the file and the field at fault. */
export async function loadTenantDefinitions(dir = HERE): Promise<TenantDefinition[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".tenant.ts")).sort();
  const problems: string[] = [];
  const defs: TenantDefinition[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    const parsed = TenantDefinitionSchema.safeParse(mod.default);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${file}: ${i.path.join(".") || "(root)"}: ${i.message}`);
      continue;
    }
    if (`${parsed.data.code}.tenant.ts` !== file) problems.push(`${file}: code: must match the file name`);
    defs.push(parsed.data);
  }
  if (problems.length) throw new TenantDefinitionError(`Invalid tenant definitions:\n  ${problems.join("\n  ")}`);
  return defs;
}
