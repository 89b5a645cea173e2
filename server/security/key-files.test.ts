import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateKeyFile } from "../channels/secret-box";
import { parseEnv } from "../env";
import { keysBesideDataWarning } from "./key-files";

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

describe("generated key files", () => {
  it("are 0600 in a 0700 directory, and an older looser file or folder is tightened", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-keys-"));
    const keys = path.join(dir, "keys");
    fs.mkdirSync(keys, { mode: 0o755 });
    fs.chmodSync(keys, 0o755);
    const key = loadOrCreateKeyFile(path.join(keys, "encryption-key"));
    expect(modeOf(keys)).toBe(0o700);
    expect(modeOf(path.join(keys, "encryption-key"))).toBe(0o600);

    fs.chmodSync(path.join(keys, "encryption-key"), 0o644);
    expect(loadOrCreateKeyFile(path.join(keys, "encryption-key")).equals(key)).toBe(true);
    expect(modeOf(path.join(keys, "encryption-key"))).toBe(0o600);
  });
});

describe("keys beside the data they protect", () => {
  it("are warned about by default for the embedded database, naming how to keep them apart", () => {
    const warning = keysBesideDataWarning(parseEnv({}));
    expect(warning).toMatch(/encryption key and the session-signing secret are kept in .*\.data, beside the database/);
    expect(warning).toMatch(/KEYS_DIR/);
    expect(warning).toMatch(/KEYS_BESIDE_DATA=true/);
  });

  it("are not warned about when kept elsewhere, given from outside, on PostgreSQL, or acknowledged", () => {
    expect(keysBesideDataWarning(parseEnv({ KEYS_DIR: "/etc/parley/keys", PGLITE_DATA_DIR: "/var/lib/parley/pglite" }))).toBeNull();
    expect(keysBesideDataWarning(parseEnv({ ENCRYPTION_KEY: "a".repeat(64), NEXTAUTH_SECRET: "s3cret-s3cret" }))).toBeNull();
    expect(keysBesideDataWarning(parseEnv({ DATABASE_URL: "postgres://localhost/parley" }))).toBeNull();
    expect(keysBesideDataWarning(parseEnv({ KEYS_BESIDE_DATA: "true" }))).toBeNull();
    // Only one key generated: the warning names that one.
    expect(keysBesideDataWarning(parseEnv({ ENCRYPTION_KEY: "a".repeat(64) }))).toMatch(/the session-signing secret is kept in/);
    // A key directory inside the data directory is just as much beside it.
    expect(keysBesideDataWarning(parseEnv({ PGLITE_DATA_DIR: "/srv/parley", KEYS_DIR: "/srv/parley/keys" }))).not.toBeNull();
  });

  it("refuses a KEYS_BESIDE_DATA that is neither true nor false", () => {
    expect(() => parseEnv({ KEYS_BESIDE_DATA: "maybe" })).toThrow(/KEYS_BESIDE_DATA: must be true or false/);
  });
});
