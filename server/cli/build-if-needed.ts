/** Runs `next build` unless the last build was made from exactly these sources. */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const sourceRoots = ["app", "components", "server", "prisma/schema.prisma", "next.config.js", "package.json", "tsconfig.json"];

function sourceStamp(root: string): string {
  const hash = crypto.createHash("sha1");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (/node_modules|\.next|\.data|generated/.test(path.basename(p))) return;
      // The benchmarks (npm run bench) are never part of the app: editing them needs no rebuild.
      if (path.relative(root, p) === path.join("server", "bench")) return;
      for (const entry of fs.readdirSync(p).sort()) walk(path.join(p, entry));
    } else {
      hash.update(p).update(String(stat.size)).update(String(stat.mtimeMs));
    }
  };
  for (const r of sourceRoots) walk(path.join(root, r));
  return hash.digest("hex");
}

export function buildIfNeeded(root = process.cwd()): void {
  const stampFile = path.join(root, ".next", "parley-source-stamp");
  const stamp = sourceStamp(root);
  const upToDate = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
  if (upToDate) {
    console.log("Build is up to date.");
    return;
  }
  console.log("Building the app (next build)… this takes a minute or two the first time.");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above.");
  fs.writeFileSync(stampFile, stamp);
}
