import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../env";
import {
  decryptSecret,
  encryptionKey,
  encryptSecret,
  isEncryptedSecret,
  loadOrCreateKeyFile,
  parseEncryptionKey,
  resetEncryptionKeyForTests,
  SecretBoxError,
} from "./secret-box";

const key = crypto.randomBytes(32);
const token = "0123456789abcdef0123456789abcdef";

describe("secret box", () => {
  it("round-trips a secret, with a fresh IV every time", () => {
    const a = encryptSecret(token, key);
    const b = encryptSecret(token, key);
    expect(a).toMatch(/^enc:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain(token);
    expect(a).not.toBe(b);
    expect(decryptSecret(a, key)).toBe(token);
    expect(decryptSecret(b, key)).toBe(token);
    expect(decryptSecret(encryptSecret("", key), key)).toBe("");
    expect(decryptSecret(encryptSecret("ünïcødé ✓", key), key)).toBe("ünïcødé ✓");
  });

  it("detects a tampered ciphertext, tag or IV", () => {
    const stored = encryptSecret(token, key);
    const [iv, tag, ciphertext] = stored.slice("enc:v1:".length).split(":") as [string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64");
    };
    for (const altered of [`enc:v1:${iv}:${tag}:${flip(ciphertext)}`, `enc:v1:${iv}:${flip(tag)}:${ciphertext}`, `enc:v1:${flip(iv)}:${tag}:${ciphertext}`]) {
      expect(() => decryptSecret(altered, key)).toThrow(SecretBoxError);
    }
    expect(() => decryptSecret("enc:v1:nonsense", key)).toThrow(/malformed/);
  });

  it("says clearly when the key is not the one the secret was encrypted with", () => {
    const stored = encryptSecret(token, key);
    expect(() => decryptSecret(stored, crypto.randomBytes(32))).toThrow(/encrypted with a different key \(ENCRYPTION_KEY/);
  });

  it("returns a value stored before encryption as it is", () => {
    expect(isEncryptedSecret(token)).toBe(false);
    expect(decryptSecret(token, key)).toBe(token);
    expect(decryptSecret("e2e-demo-auth-token", key)).toBe("e2e-demo-auth-token");
  });

  it("reads a key written as 64 hex characters or base64, and nothing else", () => {
    expect(parseEncryptionKey(key.toString("hex"))).toEqual(key);
    expect(parseEncryptionKey(key.toString("base64"))).toEqual(key);
    expect(parseEncryptionKey(key.toString("base64url"))).toEqual(key);
    expect(parseEncryptionKey(`  ${key.toString("hex")}\n`)).toEqual(key);
    expect(parseEncryptionKey(crypto.randomBytes(16).toString("base64"))).toBeNull();
    expect(parseEncryptionKey("correct horse battery staple")).toBeNull();
    expect(parseEncryptionKey("")).toBeNull();
  });
});

describe("the process's key", () => {
  afterEach(() => {
    delete process.env.ENCRYPTION_KEY;
    resetEnvForTests();
    resetEncryptionKeyForTests();
  });

  it("uses ENCRYPTION_KEY when set", () => {
    process.env.ENCRYPTION_KEY = key.toString("base64");
    resetEnvForTests();
    resetEncryptionKeyForTests();
    expect(encryptionKey()).toEqual(key);
    expect(decryptSecret(encryptSecret(token), key)).toBe(token);
  });

  it("refuses a malformed ENCRYPTION_KEY at start-up, naming the variable", async () => {
    const { parseEnv } = await import("../env");
    expect(() => parseEnv({ ENCRYPTION_KEY: "too-short" })).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
    expect(parseEnv({ ENCRYPTION_KEY: key.toString("hex") }).ENCRYPTION_KEY).toBe(key.toString("hex"));
  });

  it("otherwise generates a key once and keeps it in a file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-key-"));
    const file = path.join(dir, "nested", "encryption-key");
    const first = loadOrCreateKeyFile(file);
    expect(first).toHaveLength(32);
    expect(loadOrCreateKeyFile(file)).toEqual(first);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["encryption-key"]);
    fs.writeFileSync(file, "not a key");
    expect(() => loadOrCreateKeyFile(file)).toThrow(/does not hold a 32-byte key/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
