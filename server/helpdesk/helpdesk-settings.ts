/**
 * Settings → Helpdesk: which helpdesk receives handoffs (the built-in inbox always does), its
 * settings and credentials (stored encrypted with secret-box as one JSON object, only ever shown
 * masked), the generic webhook's signing secret, and the key for Parley's public API (only its
 * SHA-256 is stored; the key is shown once).
 */
import crypto from "node:crypto";
import type { Db, HelpdeskConnection, Prisma } from "../db";
import { decryptSecret, encryptSecret, SecretBoxError } from "../channels/secret-box";
import { publicUrl } from "../env";
import { AppError, invalidFields } from "../errors";
import { checkOutboundUrl, outboundPolicy } from "../security";
import { recordSettingsChange, type SettingsActor } from "../settings/record-settings-change";
import { connectorFor, helpdeskKinds, type ConnectorKind, type HelpdeskConnector, type HelpdeskCredentials, type HelpdeskKind } from "./connectors";
import { normalizeBaseUrl } from "./connectors/http";

export type HelpdeskSettingsInput = {
  kind: HelpdeskKind;
  /** Non-secret fields of the chosen connector (url, baseUrl, queueId, inboxId, aiTeammateId, email). */
  config: Record<string, string>;
  /** Secret fields; a blank one keeps the saved value. */
  secrets: Record<string, string>;
};

export type HelpdeskSettings = {
  kind: HelpdeskKind;
  config: Record<string, string>;
  /** Each saved secret of the chosen connector as "••••••••1a2b"; absent when not saved. */
  secrets: Record<string, string>;
  /** Set when saved credentials cannot be read with this server's encryption key. */
  secretsProblem: string | null;
  /** Parley's public API: the key's last four characters (the key itself is shown only when generated). */
  apiKeyLast4: string | null;
  /** Where a helpdesk sends replies: POST with Authorization: Bearer <API key>. */
  replyUrlTemplate: string;
  /** Front only: the application-webhook URL to paste into Front. */
  frontWebhookUrl: string | null;
};

const KIND_LABELS: Record<HelpdeskKind, string> = { none: "none", webhook: "webhook", kustomer: "kustomer", front: "front", zendesk: "zendesk", gorgias: "gorgias" };

export function isHelpdeskKind(value: string): value is HelpdeskKind {
  return (helpdeskKinds as readonly string[]).includes(value);
}

export const maskSecret = (secret: string) => `••••••••${secret.slice(-4)}`;
const historyLabel = (secret: string | undefined) => (secret ? `••••${secret.slice(-4)}` : null);

function asStringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** The saved secrets, decrypted; `isUnreadable` when this server's key cannot open them. */
export function readSecrets(row: Pick<HelpdeskConnection, "secrets"> | null): { secrets: Record<string, string>; isUnreadable: boolean } {
  if (!row?.secrets) return { secrets: {}, isUnreadable: false };
  try {
    return { secrets: asStringRecord(JSON.parse(decryptSecret(row.secrets))), isUnreadable: false };
  } catch (error) {
    if (error instanceof SecretBoxError || error instanceof SyntaxError) return { secrets: {}, isUnreadable: true };
    throw error;
  }
}

/** What a connector needs to call its service; throws a non-retryable error when the secrets are unreadable. */
export function credentialsOf(row: HelpdeskConnection): HelpdeskCredentials {
  const { secrets, isUnreadable } = readSecrets(row);
  if (isUnreadable) {
    throw new AppError("PROVIDER_ERROR", {
      userMessage: "The saved helpdesk credentials can’t be read with this server’s encryption key. Enter them again in Settings → Helpdesk.",
    });
  }
  return { config: asStringRecord(row.config), secrets };
}

export function frontWebhookUrl(connectionId: string): string {
  return `${publicUrl()}/api/helpdesk/front/${connectionId}`;
}

export function replyUrlOf(conversationId: string): string {
  return `${publicUrl()}/api/v1/conversations/${conversationId}/messages`;
}

export async function getHelpdeskSettings(db: Db, brandId: string): Promise<HelpdeskSettings> {
  const row = await db.helpdeskConnection.findUnique({ where: { brandId } });
  const kind = row && isHelpdeskKind(row.kind) ? row.kind : "none";
  const { secrets, isUnreadable } = readSecrets(row);
  const secretNames = kind === "none" ? [] : connectorFor(kind).fields.filter((f) => f.isSecret).map((f) => f.name);
  return {
    kind,
    config: kind === "none" ? {} : { ...connectorFor(kind).defaults, ...asStringRecord(row?.config) },
    secrets: Object.fromEntries(secretNames.filter((name) => secrets[name]).map((name) => [name, maskSecret(secrets[name]!)])),
    secretsProblem: isUnreadable ? "The saved credentials can’t be read with this server’s encryption key. Enter them again and save." : null,
    apiKeyLast4: row?.apiKeyLast4 ?? null,
    replyUrlTemplate: replyUrlOf("{conversationId}"),
    frontWebhookUrl: row && kind === "front" ? frontWebhookUrl(row.id) : null,
  };
}

/** A fresh secret for signing webhooks: 32 random bytes, recognisable by its prefix. */
export function newSigningSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}

type Snapshot = Record<string, string | null>;

function snapshotOf(kind: HelpdeskKind, config: Record<string, string>, secrets: Record<string, string>): Snapshot {
  if (kind === "none") return { kind: KIND_LABELS[kind] };
  const fields = connectorFor(kind).fields;
  return {
    kind: KIND_LABELS[kind],
    ...Object.fromEntries(fields.map((f) => [f.name, f.isSecret ? historyLabel(secrets[f.name]) : config[f.name] || null])),
  };
}

/** Where requests go: the destination fields' addresses, normalized, defaults applied. */
function destinationOf(connector: HelpdeskConnector, config: Record<string, string>): string {
  const addresses = connector.fields
    .filter((f) => f.isDestination)
    .map((f) => {
      const value = config[f.name]?.trim() || connector.defaults?.[f.name] || "";
      return normalizeBaseUrl(value) ?? value;
    });
  return JSON.stringify(addresses);
}

/**
 * The form's values over the saved settings: the config and secrets a save would store (or a test
 * would use), and the field errors. A blank secret keeps the saved one only for the same helpdesk
 * at the same address: a saved secret never goes to an address it wasn't saved with.
 */
export function mergeHelpdeskInput(
  row: HelpdeskConnection | null,
  input: HelpdeskSettingsInput & { kind: ConnectorKind },
): { config: Record<string, string>; secrets: Record<string, string>; errors: Record<string, string> } {
  const connector = connectorFor(input.kind);
  const saved = readSecrets(row);
  const isSameKind = row?.kind === input.kind && !saved.isUnreadable;
  const config: Record<string, string> = {};
  for (const field of connector.fields) {
    if (field.isSecret) continue;
    const value = input.config[field.name]?.trim() || connector.defaults?.[field.name];
    if (value) config[field.name] = value;
  }
  const isSameDestination = isSameKind && destinationOf(connector, asStringRecord(row?.config)) === destinationOf(connector, config);
  const secrets: Record<string, string> = {};
  const bindingErrors: Record<string, string> = {};
  for (const field of connector.fields) {
    if (!field.isSecret) continue;
    const typed = input.secrets[field.name]?.trim();
    const kept = isSameKind && (isSameDestination || field.isInboundOnly) ? saved.secrets[field.name] : undefined;
    if (typed || kept) secrets[field.name] = (typed || kept)!;
    // The generic webhook's signing secret is Parley's own: a new URL gets a new one (below), never the old one.
    else if (isSameKind && saved.secrets[field.name] && !(input.kind === "webhook" && field.name === "signingSecret")) {
      bindingErrors[field.name] = `Enter the ${field.label ?? field.name} again: it is only sent to the address it was saved with.`;
    }
  }
  if (input.kind === "webhook" && !secrets.signingSecret && !bindingErrors.signingSecret) secrets.signingSecret = newSigningSecret();
  return { config, secrets, errors: { ...connector.validateConfig({ config, secrets }), ...bindingErrors } };
}

/**
 * The outbound address policy for the form's addresses (DNS included, so this runs outside any
 * transaction): "Parley only calls public https addresses; 10.0.0.1 is a private address".
 */
export async function helpdeskAddressErrors(input: HelpdeskSettingsInput & { kind: ConnectorKind }): Promise<Record<string, string>> {
  const connector = connectorFor(input.kind);
  const errors: Record<string, string> = {};
  for (const field of connector.fields.filter((f) => f.isDestination)) {
    const address = normalizeBaseUrl(input.config[field.name]?.trim() || connector.defaults?.[field.name] || "");
    // A malformed address gets its own message from the connector's validation.
    if (!address) continue;
    const problem = await checkOutboundUrl(new URL(address), outboundPolicy());
    if (problem) errors[field.name] = problem;
  }
  return errors;
}

const isConnectorInput = (input: HelpdeskSettingsInput): input is HelpdeskSettingsInput & { kind: ConnectorKind } => input.kind !== "none";

/**
 * Validates and saves the helpdesk choice; nothing is saved when a field is wrong. Choosing another
 * helpdesk forgets the previous one's settings. The generic webhook gets a signing secret when it has none.
 */
export async function updateHelpdeskSettings(db: Db, brandId: string, actor: SettingsActor, input: HelpdeskSettingsInput): Promise<HelpdeskSettings> {
  if (!isHelpdeskKind(input.kind)) throw invalidFields({ kind: "Choose a helpdesk from the list." });
  const addressErrors = isConnectorInput(input) ? await helpdeskAddressErrors(input) : {};
  await db.$transaction(async (tx) => {
    const row = await tx.helpdeskConnection.findUnique({ where: { brandId } });
    const savedKind: HelpdeskKind = row && isHelpdeskKind(row.kind) ? row.kind : "none";
    const saved = readSecrets(row);
    const before = snapshotOf(savedKind, asStringRecord(row?.config), saved.secrets);

    let config: Record<string, string> = {};
    let secrets: Record<string, string> = {};
    if (isConnectorInput(input)) {
      const merged = mergeHelpdeskInput(row, input);
      const errors = { ...addressErrors, ...merged.errors };
      if (Object.keys(errors).length) throw invalidFields(errors);
      ({ config, secrets } = merged);
      // Addresses are stored without a trailing slash, so paths join cleanly.
      for (const key of ["url", "baseUrl"]) if (config[key]) config[key] = config[key].replace(/\/+$/, "");
    }

    const data = {
      kind: input.kind,
      config: config as Prisma.InputJsonValue,
      secrets: Object.keys(secrets).length ? encryptSecret(JSON.stringify(secrets)) : null,
    };
    await tx.helpdeskConnection.upsert({ where: { brandId }, update: data, create: { brandId, ...data } });
    const after = snapshotOf(input.kind, config, secrets);
    // A new secret with the same last four characters still reads as a change.
    for (const [key, value] of Object.entries(after)) {
      if (value && value === before[key] && input.secrets[key]?.trim() && input.secrets[key]!.trim() !== saved.secrets[key]) after[key] = `${value} (replaced)`;
    }
    await recordSettingsChange(tx, { brandId, actor, area: "helpdesk", before, after });
  });
  return getHelpdeskSettings(db, brandId);
}

/** The webhook's signing secret in full, for a teammate setting up the receiver. */
export async function revealSigningSecret(db: Db, brandId: string): Promise<string> {
  const row = await db.helpdeskConnection.findUnique({ where: { brandId } });
  const { secrets } = readSecrets(row);
  if (row?.kind !== "webhook" || !secrets.signingSecret) throw new AppError("NOT_FOUND", { userMessage: "Save the generic webhook first; Parley creates its signing secret then." });
  return secrets.signingSecret;
}

/** A new signing secret for the webhook; the old one stops working at once. */
export async function rotateSigningSecret(db: Db, brandId: string, actor: SettingsActor): Promise<string> {
  return db.$transaction(async (tx) => {
    const row = await tx.helpdeskConnection.findUnique({ where: { brandId } });
    const { secrets, isUnreadable } = readSecrets(row);
    if (row?.kind !== "webhook") throw new AppError("BAD_REQUEST", { userMessage: "Only the generic webhook has a signing secret." });
    const secret = newSigningSecret();
    await tx.helpdeskConnection.update({ where: { brandId }, data: { secrets: encryptSecret(JSON.stringify({ ...(isUnreadable ? {} : secrets), signingSecret: secret })) } });
    await recordSettingsChange(tx, { brandId, actor, area: "helpdesk", before: { signingSecret: historyLabel(secrets.signingSecret) }, after: { signingSecret: historyLabel(secret) } });
    return secret;
  });
}

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

/**
 * A new key for Parley's public API (replies from a helpdesk). Only its SHA-256 and last four
 * characters are kept: the key is in this answer and nowhere else. The previous key stops working.
 */
export async function generateApiKey(db: Db, brandId: string, actor: SettingsActor): Promise<{ apiKey: string; last4: string }> {
  const apiKey = `prl_${crypto.randomBytes(24).toString("base64url")}`;
  const last4 = apiKey.slice(-4);
  await db.$transaction(async (tx) => {
    const row = await tx.helpdeskConnection.findUnique({ where: { brandId } });
    await tx.helpdeskConnection.upsert({
      where: { brandId },
      update: { apiKeyHash: hashApiKey(apiKey), apiKeyLast4: last4 },
      create: { brandId, apiKeyHash: hashApiKey(apiKey), apiKeyLast4: last4 },
    });
    const beforeLabel = row?.apiKeyLast4 ? `••••${row.apiKeyLast4}` : null;
    const afterLabel = `••••${last4}`;
    await recordSettingsChange(tx, { brandId, actor, area: "helpdesk", before: { publicApiKey: beforeLabel }, after: { publicApiKey: beforeLabel === afterLabel ? `${afterLabel} (replaced)` : afterLabel } });
  });
  return { apiKey, last4 };
}

/** The brand a public-API key belongs to, or null for an unknown key. */
export async function brandIdForApiKey(db: Db, apiKey: string): Promise<string | null> {
  if (!apiKey) return null;
  const row = await db.helpdeskConnection.findUnique({ where: { apiKeyHash: hashApiKey(apiKey) }, select: { brandId: true } });
  return row?.brandId ?? null;
}
