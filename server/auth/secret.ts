import crypto from "node:crypto";
import fs from "node:fs";
import { env } from "../env";
import { keyFilePath, PRIVATE_FILE_MODE, tightenKeyFile } from "../security/key-files";

let cached: string | undefined;

/**
 * NEXTAUTH_SECRET, or a random secret generated once and kept in KEYS_DIR (default .data),
 * so `npm start` needs no configuration and sessions survive restarts.
 */
export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  if (e.NEXTAUTH_SECRET) return (cached = e.NEXTAUTH_SECRET);
  const file = keyFilePath("auth-secret");
  tightenKeyFile(file);
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    cached = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, cached, { mode: PRIVATE_FILE_MODE });
  }
  return cached;
}
