/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { availableParallelism } from "node:os";
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
  build: {
    target: "es2022",
    // The rich-text editor (TipTap on ProseMirror, 522 kB) is a chunk of its own that only the
    // editing pages load; every other chunk is far below. A chunk past 600 kB is still reported.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // `npm start` shows what matters; only these known-benign warnings are dropped, every other
      // one (and every error) still prints.
      onwarn(warning, warn) {
        // Remix gives every route a client chunk; a resource route (download, feed, API, healthz,
        // logout) has no component and so no client code: its chunk is empty by design.
        if (warning.code === "EMPTY_BUNDLE") return;
        // zod 4 explains its `@__PURE__` placements in comments Rollup cannot attach to a call;
        // Rollup drops those comments, which changes nothing in the output.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/")) return;
        warn(warning);
      },
    },
  },
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
    // Vitest's default is one file fewer than cores: one at a time on a 2-core machine. On PGlite
    // every file has its own in-memory database, so at least two run side by side (the attack suite
    // alone is a third of the run); on PostgreSQL the files share one database, one at a time.
    maxWorkers: process.env.TEST_DATABASE_URL ? 1 : Math.max(2, availableParallelism() - 1),
  },
});
