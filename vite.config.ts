/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const app = fileURLToPath(new URL("./app/", import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^~\//, replacement: app }] },
  publicDir: "app/ui/public",
  // Server-only native modules: Vite's dev dependency scan must not try to bundle them.
  optimizeDeps: { exclude: ["@node-rs/argon2", "@electric-sql/pglite"] },
  ssr: { external: ["@node-rs/argon2"] },
  build: { target: "es2022" },
  plugins: process.env.VITEST
    ? []
    : [
        remix({
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_singleFetch: true,
            // Off on purpose: lazy discovery inlines a partial route manifest in every page and
            // re-matches every route once per path segment on each request (~12% of a page's CPU);
            // without it the manifest is one hashed file the browser caches (issue 7 benchmark).
            v3_lazyRouteDiscovery: false,
            v3_routeConfig: true,
          },
        }),
      ],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "plugins/*/tests/**/*.test.ts", "tests/attack/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
