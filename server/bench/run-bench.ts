/**
 * npm run bench [-- queries|ingest|pipeline|burst …] [--replies 20000] [--texts 3000] …
 * Runs the benchmarks against the real app (production build, real databases, the real twilio SDK
 * talking to a Twilio loopback). JSON lines on stdout, one per figure; a human summary on stderr.
 * Builds the app first if needed; kills its children and drops its databases however it ends.
 * server/bench/README.md → "Benchmarks" says what each figure means.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { stopAllChildren } from "./app-processes";
import { dropAllBenchDatabases } from "./bench-database";
import { burstBench } from "./burst-bench";
import { ingestBench } from "./ingest-bench";
import { pipelineBench } from "./pipeline-bench";
import { queriesBench } from "./queries-bench";
import { round, say } from "./report";

const BENCHES = ["queries", "ingest", "pipeline", "burst"] as const;
type BenchName = (typeof BENCHES)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pg: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    rates: { type: "string", default: "20,50,100,200,300,400,600,800" },
    "seconds-per-rate": { type: "string", default: "10" },
    backends: { type: "string", default: "pglite,postgres" },
    texts: { type: "string", default: "3000" },
    "worker-counts": { type: "string", default: "1,2" },
    replies: { type: "string", default: "20000" },
    "burst-seconds": { type: "string", default: "60" },
    "burst-workers": { type: "string", default: "2" },
    /** Write V8 CPU profiles of the server and worker processes here (open them in Chrome DevTools). */
    "profile-dir": { type: "string" },
    /** Extra environment for worker processes, e.g. --worker-env INBOUND_CONCURRENCY=8. */
    "worker-env": { type: "string", multiple: true, default: [] },
  },
});

const numbers = (s: string) => s.split(",").map((n) => Number(n.trim())).filter((n) => Number.isFinite(n) && n > 0);
const selected: BenchName[] = positionals.length ? positionals.map((p) => {
  if (!(BENCHES as readonly string[]).includes(p)) throw new Error(`Unknown benchmark "${p}"; choose from ${BENCHES.join(", ")}`);
  return p as BenchName;
}) : [...BENCHES];
const nodeArgs = values["profile-dir"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["profile-dir"])}`] : [];
const workerEnv = Object.fromEntries(values["worker-env"].map((kv) => kv.split("=", 2) as [string, string]));

/** `next build` unless the build is current; its output goes to stderr so stdout stays JSON. */
function buildApp(): void {
  const tsxCli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const result = spawnSync(process.execPath, [tsxCli, "-e", 'require("./server/cli/build-if-needed").buildIfNeeded()'], { stdio: ["ignore", 2, 2] });
  if (result.status !== 0) throw new Error("the build failed; see above");
}

async function cleanUp(): Promise<void> {
  await stopAllChildren();
  await dropAllBenchDatabases();
}

async function runOne(bench: BenchName): Promise<void> {
  switch (bench) {
    case "queries":
      await queriesBench({ adminUrl: values.pg });
      break;
    case "ingest":
      await ingestBench({ adminUrl: values.pg, rates: numbers(values.rates), secondsPerRate: Number(values["seconds-per-rate"]), backends: values.backends.split(",") as ("pglite" | "postgres")[], nodeArgs });
      break;
    case "pipeline":
      await pipelineBench({ adminUrl: values.pg, texts: Number(values.texts), workerCounts: numbers(values["worker-counts"]), workerEnv, nodeArgs });
      break;
    case "burst":
      await burstBench({ adminUrl: values.pg, replies: Number(values.replies), seconds: Number(values["burst-seconds"]), workers: Number(values["burst-workers"]), workerEnv, nodeArgs });
      break;
  }
}

async function main() {
  const started = Date.now();
  buildApp();
  const failed: BenchName[] = [];
  for (const bench of selected) {
    const t = Date.now();
    try {
      await runOne(bench);
    } catch (error) {
      // One benchmark failing (its children stopped, its database dropped) does not stop the others.
      failed.push(bench);
      say(`${bench} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await cleanUp();
    }
    say(`${bench} took ${round((Date.now() - t) / 1000, 0)} s`);
  }
  if (failed.length) throw new Error(`failed: ${failed.join(", ")}`);
  say(`all done in ${round((Date.now() - started) / 60_000, 1)} min`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping children and dropping databases`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(cleanUp)
  .then(() => process.exit(0))
  .catch(async (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(1);
  });
