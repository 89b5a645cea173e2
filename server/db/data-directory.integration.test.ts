/**
 * The embedded database's files on disk: `npm run db:migrate` (a separate process, as an operator
 * runs it) creates the data directory readable by its user only, and tightens one an older version
 * left open.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

describe("the embedded database's data directory", () => {
  it("is 0700, so the files PGlite writes 0666 inside it are this user's only", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "parley-data-"));
    const dataDir = path.join(root, "pglite");
    fs.mkdirSync(dataDir, { mode: 0o777 });
    fs.chmodSync(dataDir, 0o777);
    execFileSync("npx", ["tsx", "server/cli/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: "", TEST_DATABASE_URL: "", PGLITE_DATA_DIR: dataDir, NODE_ENV: "production" },
      stdio: "pipe",
      timeout: 120_000,
    });
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);
    expect(modeOf(dataDir)).toBe(0o700);
  }, 150_000);
});
