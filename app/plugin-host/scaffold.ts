import { access, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PLUGINS_DIR } from "./discover";

const TEMPLATE = fileURLToPath(new URL("./template/", import.meta.url));

export class ScaffoldError extends Error {}

/** The words a template file uses for the new plugin: its id, its table prefix and a readable title. */
export function scaffoldNames(id: string) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) throw new ScaffoldError(`"${id}" is not a kebab-case plugin id (e.g. "site-visits")`);
  return {
    __ID__: id,
    __TABLE__: id.replace(/-/g, "_"),
    __TITLE__: id
      .split("-")
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(" "),
  };
}

/** Copies the template into `plugins/<id>/`, filling in the names; refuses to overwrite a plugin. */
export async function scaffoldPlugin(id: string, pluginsDir = PLUGINS_DIR): Promise<string[]> {
  const names = scaffoldNames(id);
  const target = join(pluginsDir, id);
  if (await access(target).then(() => true, () => false)) throw new ScaffoldError(`plugins/${id} already exists`);
  const written: string[] = [];
  for (const file of await listFiles(TEMPLATE)) {
    const rel = relative(TEMPLATE, file).replace(/\.tpl$/, "").replaceAll("__ID__", id);
    let text = await readFile(file, "utf8");
    for (const [k, v] of Object.entries(names)) text = text.replaceAll(k, v);
    await mkdir(dirname(join(target, rel)), { recursive: true });
    await writeFile(join(target, rel), text);
    written.push(`plugins/${id}/${rel}`);
  }
  return written;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat().sort();
}
