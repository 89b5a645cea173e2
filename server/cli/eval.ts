/**
 * npm run eval [-- --set main|holdout|fresh] [--provider <name>] [--only <skill|category|id-prefix>] [--concurrency 4] [--json] [--configured-db]
 * Runs the agent evaluation set (server/agent/eval/eval-set.json) through the configured model
 * (AI_PROVIDER…, the built-in model by default) on a fresh in-memory copy of the demo brand,
 * and prints accuracy per skill, the invented-facts and one-segment rates, and every failure.
 * Exits non-zero only when the run itself breaks, never for a low score.
 */
import { parseArgs } from "node:util";

/** A mistake in the command line: printed without a stack, exit code 2. */
class UsageError extends Error {}
const usage = "Usage: npm run eval -- [--set main|holdout|fresh] [--provider builtin|openai|anthropic|openai-compatible] [--only <skill|id-prefix>] [--concurrency N] [--json] [--configured-db]";

function readArgs() {
  try {
    return parseArgs({
      options: {
        only: { type: "string" },
        set: { type: "string", default: "main" },
        provider: { type: "string" },
        concurrency: { type: "string", default: "1" },
        json: { type: "boolean", default: false },
        "configured-db": { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${usage}`);
    process.exit(2);
  }
}
const values = readArgs();

// The same set against another model: AI_PROVIDER for this run (its key, AI_MODEL and AI_BASE_URL come from the environment as usual).
const providers = ["builtin", "openai", "anthropic", "openai-compatible"];
if (values.provider !== undefined) {
  if (!providers.includes(values.provider)) {
    console.error(`--provider must be one of ${providers.join(", ")}\n${usage}`);
    process.exit(2);
  }
  process.env.AI_PROVIDER = values.provider;
}

// A throwaway database unless asked: the eval seeds the demo brand, and must neither change
// nor lock the developer's embedded database (npm start may hold it).
if (!values["configured-db"]) {
  process.env.PGLITE_DATA_DIR = "memory://";
  delete process.env.DATABASE_URL;
}

async function main() {
  const { closeDb, getDb } = await import("../db");
  const { applyMigrations } = await import("../db/migrate");
  const { env } = await import("../env");
  const { seedDemo } = await import("../../prisma/seed");
  const { evalSetNames, expectedSkills, formatEvalReport, loadEvalSet, runEval } = await import("../agent/eval");
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError("--concurrency must be a whole number of at least 1");
  const only = values.only;
  const set = evalSetNames.find((name) => name === values.set);
  if (!set) throw new UsageError(`--set must be one of ${evalSetNames.join(", ")}`);
  const cases = loadEvalSet(set).filter((c) => !only || c.id.startsWith(only) || expectedSkills(c)[0] === only || c.category === only);
  if (cases.length === 0) throw new UsageError(`No eval case matches --only ${only} (give a skill or the start of case ids)`);
  try {
    await applyMigrations();
    await seedDemo(getDb(), { password: env().DEMO_PASSWORD });
    const report = await runEval(getDb(), {
      cases,
      concurrency,
      onResult: (_, done, total) => {
        if (!values.json && process.stderr.isTTY) process.stderr.write(`\r${done}/${total}`);
      },
    });
    if (!values.json && process.stderr.isTTY) process.stderr.write("\r");
    console.log(values.json ? JSON.stringify(report, null, 2) : formatEvalReport(report));
  } finally {
    await closeDb();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
