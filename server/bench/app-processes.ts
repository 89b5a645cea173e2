/**
 * The real app as child processes: the production server (`server/cli/start.ts`: migrate, seed
 * the demo brand, Next's production server in-process) and queue workers (`server/cli/worker.ts`).
 * Each child runs in its own process group so stopping it also stops anything it started; output
 * goes to a log file under the OS temp dir (its path is printed when a child fails).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { say } from "./report";

export type AppChild = { name: string; pid: number; logPath: string; stop(): Promise<void>; output(): string };

const running = new Set<AppChild>();
const root = process.cwd();

/** Fixed secrets so every process (web, workers, the bench) reads the brand's auth token alike. */
export const BENCH_SECRETS = {
  ENCRYPTION_KEY: "b".repeat(64),
  NEXTAUTH_SECRET: "parley-bench-nextauth-secret",
  DEMO_TWILIO_ACCOUNT_SID: `AC${"be".repeat(16)}`,
  DEMO_TWILIO_AUTH_TOKEN: "bench0auth0token0000000000000000",
} as const;

export type AppEnv = {
  port: number;
  /** PostgreSQL URL; unset: PGlite in pgliteDir. */
  databaseUrl?: string;
  pgliteDir?: string;
  workerMode: "embedded" | "off";
  twilioApiBaseUrl?: string;
  extra?: Record<string, string>;
  /** Node flags for the child, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]. */
  nodeArgs?: string[];
};

function childEnv(e: AppEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...BENCH_SECRETS,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(e.port),
    HOSTNAME: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${e.port}`,
    WORKER_MODE: e.workerMode,
    TWILIO_API_BASE_URL: e.twilioApiBaseUrl ?? "http://127.0.0.1:9",
    ...e.extra,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  if (e.databaseUrl) env.DATABASE_URL = e.databaseUrl;
  else env.PGLITE_DATA_DIR = e.pgliteDir ?? "memory://";
  return env;
}

/** `node --import tsx <script>`: what `tsx <script>` does, in one process (so --cpu-prof profiles the app). */
function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = []): { child: ChildProcess; handle: AppChild } {
  const logPath = path.join(os.tmpdir(), `parley-bench-${name}-${process.pid}-${Date.now()}.log`);
  const log = fs.openSync(logPath, "w");
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", ...args], { cwd: root, env, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const handle: AppChild = {
    name,
    pid: child.pid!,
    logPath,
    output: () => (fs.existsSync(logPath) ? fs.readFileSync(logPath, "utf8") : ""),
    stop: async () => {
      running.delete(handle);
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* already gone */
        }
      }, 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(handle);
  return { child, handle };
}

async function waitFor(handle: AppChild, child: ChildProcess, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${handle.name} exited with ${child.exitCode}; log: ${handle.logPath}\n${handle.output().slice(-2000)}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  await handle.stop();
  throw new Error(`${handle.name} was not ready after ${timeoutMs / 1000} s; log: ${handle.logPath}`);
}

/** The production server (built beforehand; see run-bench.ts), ready when /api/health answers 200. */
export async function startAppServer(e: AppEnv): Promise<AppChild & { url: string }> {
  const { child, handle } = startChild(`web-${e.port}`, ["server/cli/start.ts", "--no-build"], childEnv(e), e.nodeArgs);
  const url = `http://127.0.0.1:${e.port}`;
  await waitFor(handle, child, async () => (await fetch(`${url}/api/health`)).status === 200, 180_000);
  say(`server up on ${url} (${e.databaseUrl ? "PostgreSQL" : "PGlite"}, worker ${e.workerMode}), pid ${handle.pid}`);
  return { ...handle, url };
}

/** One `npm run worker` process, ready when it says it is running. `port` is the web server's (PUBLIC_URL). */
export async function startWorkerProcess(e: Omit<AppEnv, "workerMode"> & { index: number }): Promise<AppChild> {
  const { child, handle } = startChild(`worker-${e.index}`, ["server/cli/worker.ts"], childEnv({ ...e, workerMode: "off" }), e.nodeArgs);
  await waitFor(handle, child, async () => handle.output().includes("Parley worker running"), 120_000);
  return handle;
}

/** Stops every child still running (on exit, Ctrl+C, or a failed benchmark). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}
