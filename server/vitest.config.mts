/**
 * Tests: unit (pure rules, colocated *.test.ts) and integration (*.integration.test.ts) against a
 * real migrated database: PGlite always, and PostgreSQL too when TEST_DATABASE_URL is set. Each
 * integration file gets a fresh database (server/testing/setup-database.ts), copied from one
 * migrated once per run (server/testing/migrate-template-database.ts) rather than migrated again.
 * Unit files share one module graph (no per-file isolation): they are pure, and importing the
 * same modules again for every file cost several times what their tests take.
 */
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const alias = { "@": root };
type Backend = "pglite" | "postgres";
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * The fuzz and fault suites test the app, not the database under it, and are the slowest files:
 * each runs on one backend. PostgreSQL where the fault needs it (separate worker processes, a
 * connection to cut, a claim lost with its connection) or gains from it (the consent races want
 * truly concurrent transactions); otherwise whichever ran it faster. Without TEST_DATABASE_URL
 * they all run on PGlite (the PostgreSQL-only ones skip themselves). A suite missing here runs on both.
 */
const suiteBackend: Record<string, Backend> = {
  "server/faults/database-restart-burst.integration.test.ts": "postgres",
  "server/faults/worker-killed-mid-send.integration.test.ts": "postgres",
  "server/faults/job-claimed-by-dead-worker.integration.test.ts": "postgres",
  "server/faults/twilio-send-failures.integration.test.ts": "postgres",
  "server/faults/helpdesk-down-during-escalation.integration.test.ts": "pglite",
  "server/faults/webhook-retry-in-flight.integration.test.ts": "pglite",
  "server/hardening/trpc-fuzz.integration.test.ts": "postgres",
  "server/hardening/webhook-fuzz.integration.test.ts": "pglite",
  "server/hardening/consent-invariant.integration.test.ts": "postgres",
  "server/hardening/secrets.integration.test.ts": "pglite",
  "server/hardening/tenant-isolation.integration.test.ts": "pglite",
  // The lifecycle's model-based run: random steps with the worker running, like the consent races.
  "server/conversations/lifecycle-model.integration.test.ts": "postgres",
};
/**
 * Tests aim helpdesks, webhooks and the shop at loopback servers on 127.0.0.1: the outbound address
 * policy lets the operator allow such hosts (OUTBOUND_ALLOWED_HOSTS), and the tests do just that.
 * Tests of the policy itself set their own list.
 */
const testEnv = { NODE_ENV: "test" as const, OUTBOUND_ALLOWED_HOSTS: "127.0.0.1" };

const onlyOn = (other: Backend) => Object.keys(suiteBackend).filter((file) => suiteBackend[file] === other);

const integration = (name: string, backend: Backend) => ({
  resolve: { alias },
  test: {
    name,
    root,
    include: ["server/**/*.integration.test.ts", "app/**/*.integration.test.ts"],
    exclude: ["**/node_modules/**", ...(hasPostgres ? onlyOn(backend === "pglite" ? "postgres" : "pglite") : [])],
    globalSetup: ["server/testing/migrate-template-database.ts"],
    setupFiles: ["server/testing/setup-database.ts"],
    env: { ...testEnv, TEST_BACKEND: backend },
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
        test: {
          name: "unit",
          root,
          include: ["server/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
          env: testEnv,
          pool: "threads",
          isolate: false,
        },
      },
      integration("integration:pglite", "pglite"),
      ...(hasPostgres ? [integration("integration:postgres", "postgres")] : []),
    ],
  },
});
