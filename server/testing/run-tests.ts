/**
 * npm test: the type check beside the unit and integration tests (tsc needs little CPU next to
 * them, so it costs no time there), then the browser tests, which build the app first
 * (server/cli/build-if-needed.ts; next build checks types again, .next's route types included).
 * Exits non-zero when any part fails; the browser tests do not run after a failure.
 */
import { spawn } from "node:child_process";

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", script], { stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const [typecheck, unit] = await Promise.all([run("typecheck"), run("test:unit")]);
  if (typecheck !== 0 || unit !== 0) {
    console.error(`npm test: ${typecheck !== 0 ? "the type check" : "the unit and integration tests"} failed; browser tests not run.`);
    process.exit(1);
  }
  process.exit(await run("test:e2e"));
}

void main();
