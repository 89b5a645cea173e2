/**
 * Configuration, parsed and validated once. This is the only module that reads process.env;
 * every variable is documented in .env.example.
 */
import { z } from "zod";
import { parseAllowedHosts, type AllowedHost } from "./security/outbound-allow-list";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());

/** 32 bytes written as 64 hex characters or as base64 / base64url (server/channels/secret-box.ts reads it). */
function isEncryptionKeyText(text: string): boolean {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return true;
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(t) && Buffer.from(t, /[-_]/.test(t) ? "base64url" : "base64").length === 32;
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL connection string. Unset: the embedded database (PGlite). */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** Where the embedded database keeps its files; "memory://" for a throwaway one. */
  PGLITE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOSTNAME: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  /**
   * How many proxies of this deployment stand in front of Parley (a load balancer, a CDN): that many
   * X-Forwarded-For hops are believed when deciding a request's address for rate limits. 0 (the
   * default): the socket's peer, whatever the headers say. "true" means 1, "false" 0.
   */
  TRUST_PROXY: z.preprocess(
    (v) => {
      const t = typeof v === "string" ? v.trim().toLowerCase() : v;
      return t === "" || t === undefined || t === "false" || t === "off" ? 0 : t === "true" || t === "on" ? 1 : t;
    },
    z.coerce.number({ message: "must be the number of proxies in front of Parley (0, 1, 2…), true or false" }).int("must be a whole number of proxies").min(0).max(10),
  ),
  /** The address Twilio and browsers use to reach this app; Twilio signatures are checked against it. */
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  /** Signs session cookies. Unset: a random one is generated and kept in the data directory. */
  NEXTAUTH_SECRET: optionalString,
  /**
   * Encrypts secrets at rest (brands' Twilio auth tokens): 32 bytes as 64 hex characters or base64.
   * Unset: a random key is generated once and kept in KEYS_DIR/encryption-key.
   */
  ENCRYPTION_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine(isEncryptionKeyText, "must be 32 bytes: 64 hex characters, or base64 (openssl rand -base64 32)")
      .optional(),
  ),
  /** Where generated keys (encryption key, session secret) are kept when not given above; 0700, files 0600. */
  KEYS_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  /** true: keys kept beside the embedded database is intended (a demo); silences the warning at start. */
  KEYS_BESIDE_DATA: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.enum(["", "true", "false", "1", "0"], { message: "must be true or false" }).optional().transform((v) => v === "true" || v === "1"),
  ),
  /**
   * Shopify Admin API version the Shopify connector calls (YYYY-MM; Shopify releases one each
   * January, April, July and October and supports it about twelve months). npm start warns when the
   * version is within 60 days of leaving support.
   */
  SHOPIFY_API_VERSION: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d{4}-(01|04|07|10)$/, "must be a Shopify Admin API version like 2026-10 (YYYY-MM with MM 01, 04, 07 or 10)")
      .default("2026-10"),
  ),
  /** Base URL of Twilio's REST API. Tests and local development point it at a loopback server. */
  TWILIO_API_BASE_URL: z.preprocess(emptyAsUndefined, z.url().default("https://api.twilio.com")),
  /**
   * Longest one Twilio API request may take. A send that times out may still have reached Twilio,
   * so it is reconciled (Twilio's Messages list) before any resend.
   */
  TWILIO_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(10_000)),
  /**
   * An outbound text claimed for sending longer ago than this belongs to a sender that died; it is
   * reconciled with the provider and sent at most once more. Unset: three times TWILIO_TIMEOUT_MS.
   * Must comfortably exceed TWILIO_TIMEOUT_MS, or a slow live send would be taken for a dead one.
   */
  SENDING_CLAIM_STALE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).optional()),
  /** Which model answers shoppers: builtin (offline, default), openai, anthropic, openai-compatible. */
  AI_PROVIDER: z.preprocess(
    emptyAsUndefined,
    z.enum(["builtin", "openai", "anthropic", "openai-compatible"]).optional(),
  ),
  /** Base URL of an OpenAI-compatible endpoint (Ollama, vLLM, LM Studio). */
  AI_BASE_URL: optionalUrl,
  AI_API_KEY: optionalString,
  AI_MODEL: optionalString,
  OPENAI_API_KEY: optionalString,
  ANTHROPIC_API_KEY: optionalString,
  /** Longest the agent may think about one text before the shopper gets the fallback. */
  AGENT_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(500).default(15000)),
  /**
   * How long the agent waits after a shopper's latest text before answering, so several texts sent
   * in quick succession are answered together, once. Compliance keywords never wait. 0 answers each
   * text as soon as it is processed.
   */
  AGENT_REPLY_PAUSE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(30_000).default(3000)),
  /** PostgreSQL connections per process for the app's queries (Prisma's pool); the queue has its own few. */
  DATABASE_POOL_MAX: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  /**
   * Queue worker tuning (server/jobs/worker.ts): jobs fetched per query and fetch loops per process,
   * per queue. Unset: 8 and 2 on PostgreSQL; 2 and 1 on PGlite, whose one connection the webhooks share.
   */
  WORKER_INBOUND_BATCH_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).optional()),
  WORKER_INBOUND_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).optional()),
  WORKER_OUTBOUND_BATCH_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).optional()),
  WORKER_OUTBOUND_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).optional()),
  /** How often an idle fetch loop looks for work when no NOTIFY woke it, in seconds. */
  WORKER_IDLE_POLL_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0.5).max(60).default(2)),
  /**
   * `npm run worker` lowers its own CPU priority by this much (nice, 0–19), so on a machine shared
   * with web processes a reply burst never starves the webhooks Twilio waits on (15 s at most).
   * 0 keeps the normal priority (a machine that runs workers only).
   */
  WORKER_NICENESS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(19).default(10)),
  /** "embedded": the web process also runs the queue worker; "off": run `npm run worker` separately. */
  WORKER_MODE: z.preprocess(emptyAsUndefined, z.enum(["embedded", "off"]).default("embedded")),
  /** How often the worker's sweeper looks for work a crash or an outage left behind. */
  WORKER_SWEEP_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(60_000)),
  /** Inbound texts unprocessed (and outbound sends still queued) for longer than this are re-queued by the sweeper. */
  STUCK_WORK_AFTER_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).default(90_000)),
  /**
   * Fault injection for tests (server/jobs/failpoint.ts): the process SIGKILLs itself right before
   * an outbound text is handed to the transport ("before_transport_send") or right after the
   * transport accepted it, before the row records it ("after_transport_send"). Never set in production.
   */
  PARLEY_FAILPOINT: z.preprocess(emptyAsUndefined, z.enum(["before_transport_send", "after_transport_send"]).optional()),
  /** Optional Twilio credentials for the seeded demo brand (otherwise it uses the built-in simulator transport). */
  DEMO_TWILIO_ACCOUNT_SID: z.preprocess(emptyAsUndefined, z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex digits").optional()),
  DEMO_TWILIO_AUTH_TOKEN: optionalString,
  /**
   * Hosts Parley may call although the outbound address policy refuses them (loopback, private
   * networks, plain http): tests' loopback servers, an on-premise helpdesk. Comma-separated
   * `host` or `host:port` (IPv6 in brackets): `127.0.0.1:4567,helpdesk.internal`. Unset: none.
   */
  OUTBOUND_ALLOWED_HOSTS: z.preprocess(emptyAsUndefined, z.string().optional()).transform((text, ctx): AllowedHost[] => {
    if (text === undefined) return [];
    const parsed = parseAllowedHosts(text);
    if ("hosts" in parsed) return parsed.hosts;
    ctx.addIssue({ code: "custom", message: `“${parsed.invalid}” is not a host or host:port (e.g. 127.0.0.1:4567, helpdesk.internal, [::1]:8443)` });
    return z.NEVER;
  }),
  /** Password given to the seeded demo user. */
  DEMO_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8).default("parley-demo")),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and CLIs that change variables before use call this to re-read them. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/**
 * next-auth reads NEXTAUTH_URL itself; default it to PUBLIC_URL so sign-out and callbacks
 * redirect to this app's address. Called once at start-up.
 */
export function defaultNextAuthUrl(): void {
  process.env.NEXTAUTH_URL ||= publicUrl();
}

/** PUBLIC_URL, or http://localhost:PORT when unset. */
export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
