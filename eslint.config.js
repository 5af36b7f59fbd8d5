import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", ".cache/", ".scratch/", "tests/e2e/screenshots/", "tests/bench/results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": ["error", { ignoreRestArgs: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // lucia is kept behind app/core/auth so it can be replaced without touching callers (stack.md trap 12).
      "no-restricted-imports": ["error", { paths: [{ name: "lucia", message: "Only app/core/auth/ may import lucia." }] }],
    },
  },
  { files: ["app/core/auth/**"], rules: { "no-restricted-imports": "off" } },
  // Migrations take Kysely<any>: they are frozen in time and must not depend on today's table types.
  { files: ["db/migrations/**", "db/rls.ts", "db/migrate.ts", "app/plugin-host/migrate.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
);
