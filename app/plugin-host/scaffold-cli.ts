import { scaffoldPlugin, ScaffoldError } from "./scaffold";

/** `npm run plugin:new <id>`: a working plugin to start from. */
const id = process.argv[2];
if (!id) {
  console.error("Usage: npm run plugin:new <id>   (kebab-case, e.g. site-visits)");
  process.exit(2);
}
try {
  const files = await scaffoldPlugin(id);
  console.log(files.map((f) => `created ${f}`).join("\n"));
  console.log(
    `\nNext: npm start, sign in as platform.sysadmin and switch "${id}" on for an office at /admin/plugins` +
      ` (or list it under plugins: in tenants/<code>.tenant.ts). See plugins/README.md.`,
  );
} catch (e) {
  if (e instanceof ScaffoldError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
