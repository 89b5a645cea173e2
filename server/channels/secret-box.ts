/**
 * Secrets at rest (a brand's Twilio auth token): AES-256-GCM, stored as
 * "enc:v1:<iv>:<tag>:<ciphertext>" in base64. The key is ENCRYPTION_KEY, or when unset a random
 * key generated once and kept in KEYS_DIR/encryption-key (default .data), so `npm start`
 * needs no configuration. A value without the prefix is a row written before encryption and is
 * returned as it is.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";
import { ensurePrivateDirectory, keyFilePath, tightenKeyFile } from "../security/key-files";

const PREFIX = "enc:v1:";
const ALGORITHM = "aes-256-gcm";
// GCM's recommended nonce length; a fresh random one for every value.
const IV_BYTES = 12;
const KEY_BYTES = 32;

/** A stored secret that cannot be read: a different key, or an altered value. */
export class SecretBoxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SecretBoxError";
  }
}

/** The 32 bytes of a key written as 64 hex characters or as base64 (`openssl rand -base64 32`); null when it is neither. */
export function parseEncryptionKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, trimmed.includes("-") || trimmed.includes("_") ? "base64url" : "base64");
  return bytes.length === KEY_BYTES ? bytes : null;
}

let cachedKey: Buffer | undefined;

/** The process's key: ENCRYPTION_KEY, or the generated one kept in KEYS_DIR/encryption-key (default .data). */
export function encryptionKey(): Buffer {
  if (cachedKey) return cachedKey;
  const configured = env().ENCRYPTION_KEY;
  if (configured) {
    const key = parseEncryptionKey(configured);
    // env.ts validates the format at start-up; this only guards a direct caller.
    if (!key) throw new SecretBoxError("ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64 (openssl rand -base64 32).");
    return (cachedKey = key);
  }
  return (cachedKey = loadOrCreateKeyFile(keyFilePath("encryption-key")));
}

/** Forgets the cached key (tests that change ENCRYPTION_KEY). */
export function resetEncryptionKeyForTests(): void {
  cachedKey = undefined;
}

/**
 * Reads the generated key, creating it on first use. Written to a temporary file and linked into
 * place, so two processes starting together (the seed and the server, parallel tests) agree on one key.
 */
export function loadOrCreateKeyFile(file: string): Buffer {
  tightenKeyFile(file);
  const existing = readKeyFile(file);
  if (existing) return existing;
  ensurePrivateDirectory(path.dirname(file));
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temp, crypto.randomBytes(KEY_BYTES).toString("base64"), { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const key = readKeyFile(file);
  if (!key) throw new SecretBoxError(`${file} does not hold a 32-byte key; delete it only if no secret was encrypted with it, or set ENCRYPTION_KEY.`);
  return key;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const key = parseEncryptionKey(text);
  if (!key) throw new SecretBoxError(`${file} does not hold a 32-byte key; set ENCRYPTION_KEY or restore the file.`);
  return key;
}

export function isEncryptedSecret(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** "enc:v1:<iv>:<tag>:<ciphertext>": the same text twice gives different values (a fresh IV each time). */
export function encryptSecret(plaintext: string, key: Buffer = encryptionKey()): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${PREFIX}${iv.toString("base64")}:${tag.toString("base64")}:${ciphertext.toString("base64")}`;
}

/** The plaintext of a stored value; a value without the prefix (stored before encryption) as it is. */
export function decryptSecret(stored: string, key: Buffer = encryptionKey()): string {
  if (!isEncryptedSecret(stored)) return stored;
  const parts = stored.slice(PREFIX.length).split(":");
  if (parts.length !== 3) throw new SecretBoxError("A stored secret is malformed (expected enc:v1:<iv>:<tag>:<ciphertext>).");
  const [iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, "base64")) as [Buffer, Buffer, Buffer];
  try {
    const decipher = crypto.createDecipheriv(ALGORITHM, key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch (error) {
    // GCM's tag check fails the same way for a wrong key and for altered bytes.
    throw new SecretBoxError(
      "A stored secret could not be decrypted: it was encrypted with a different key (ENCRYPTION_KEY, or .data/encryption-key when unset) or it was altered. Restore the original key, or save the Twilio credentials again in Settings → Channels.",
      { cause: error },
    );
  }
}
