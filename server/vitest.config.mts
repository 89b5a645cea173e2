/**
 * Tests: unit (pure rules, colocated *.test.ts) and integration (*.integration.test.ts) against a
 * real migrated database: PGlite always, and PostgreSQL too when TEST_DATABASE_URL is set. Each
 * integration file gets a fresh database (server/testing/setup-database.ts), copied from one
 * migrated once per run (server/testing/migrate-template-database.ts) rather than migrated again.
 */
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const alias = { "@": root };
const integration = (name: string, backend: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name,
    root,
    include: ["server/**/*.integration.test.ts", "app/**/*.integration.test.ts"],
    globalSetup: ["server/testing/migrate-template-database.ts"],
    setupFiles: ["server/testing/setup-database.ts"],
    env: { TEST_BACKEND: backend, NODE_ENV: "test" as const },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", root, include: ["server/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"], exclude: ["**/*.integration.test.ts", "**/node_modules/**"], env: { NODE_ENV: "test" as const } },
      },
      integration("integration:pglite", "pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("integration:postgres", "postgres")] : []),
    ],
  },
});
