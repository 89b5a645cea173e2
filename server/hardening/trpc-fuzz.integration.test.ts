/**
 * Every procedure of the appRouter (enumerated, so a new one is fuzzed without anyone adding it),
 * called through createCaller as a signed-in member with inputs generated from its own zod schema
 * and then broken: wrong types, missing fields, null, huge strings, deep nesting, negative / NaN /
 * huge numbers, random ids, prototype-pollution keys, NUL and lone surrogates. A refusal must be a
 * tRPC error other than INTERNAL_SERVER_ERROR with a message a person can read, and must change
 * no table's row count.
 *
 * Seeded: FUZZ_SEED=<n> replays a run, FUZZ_CASES=<n> sets the cases per procedure.
 */
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter, createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { resetEnvForTests } from "../env";
import { startWorker, stopWorker } from "../jobs";
import { seedBrandData, type BrandData } from "../testing/brand-data";
import { countRows, deeplyNested, describeValue, diffCounts, fuzzCases, fuzzSeed, nastyNumbers, nastyStrings, randomValue, Rng, type RowCounts } from "../testing/fuzz";

const seed = fuzzSeed();
const casesPerProcedure = fuzzCases(40);
let brand: BrandData;
let ownIds: string[];

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

beforeAll(async () => {
  process.env.TWILIO_API_BASE_URL = "http://127.0.0.1:9";
  resetEnvForTests();
  await startWorker();
  brand = await seedBrandData(getDb(), "Alpha");
  // No worker while fuzzing: queued jobs wait, so only the call itself can change row counts.
  await stopWorker();
  ownIds = Object.values(brand.ids);
}, 120_000);

// ---------- inputs from the schema ----------

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function stringFor(schema: z.ZodType, rng: Rng, key: string): unknown {
  const s = schema as unknown as { minLength: number | null; maxLength: number | null };
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  const roll = rng.int(0, 9);
  if (roll <= 2) return /id$/i.test(key) || rng.chance(0.3) ? rng.pick([...ownIds, rng.id()]) : rng.ascii(rng.int(min, Math.min(max, Math.max(min, 40))));
  if (roll === 3) return rng.ascii(Math.min(max, 20_000), "abc xyz");
  if (roll === 4) return rng.ascii(Math.min(max + 1, 5_000_000), "q");
  if (roll === 5) return rng.id();
  return rng.pick(nastyStrings);
}

function numberFor(schema: z.ZodType, rng: Rng): unknown {
  const s = schema as unknown as { minValue: number | null; maxValue: number | null };
  if (rng.chance(0.6)) return rng.pick(nastyNumbers);
  const min = num(s.minValue) ?? -1000;
  const max = num(s.maxValue) ?? 1000;
  return rng.chance(0.5) ? rng.int(Math.max(min, -1e6), Math.min(max, 1e6)) : rng.pick([min - 1, max + 1, min, max]);
}

/** A value shaped like the schema, with deliberate breakage along the way. */
function inputFor(schema: z.ZodType, rng: Rng, depth = 0, key = ""): unknown {
  if (depth > 6 || rng.chance(0.07)) return randomValue(rng); // the wrong type entirely
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(shape)) {
        if (rng.chance(0.06)) continue; // missing field
        out[k] = inputFor(child, rng, depth + 1, k);
      }
      if (rng.chance(0.1)) Object.defineProperty(out, rng.pick(["__proto__", "constructor", "prototype", "extra"]), { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
      return out;
    }
    case "string":
      return stringFor(schema, rng, key);
    case "number":
    case "int":
      return numberFor(schema, rng);
    case "boolean":
      return rng.chance(0.85) ? rng.chance(0.5) : rng.pick(["true", 1, null]);
    case "enum": {
      const entries = Object.values(def.entries as Record<string, string>);
      return rng.chance(0.8) ? rng.pick(entries) : rng.pick(nastyStrings);
    }
    case "literal":
      return rng.chance(0.9) ? (def.values as unknown[])[0] : randomValue(rng);
    case "array": {
      const s = schema as unknown as { _zod: { bag: { maximum?: number } } };
      const max = s._zod.bag.maximum ?? 5;
      const length = rng.chance(0.1) ? Math.min(max + 1, 10_000) : rng.int(0, Math.min(max, 4));
      return Array.from({ length }, () => inputFor(def.element as z.ZodType, rng, depth + 1, key));
    }
    case "record": {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(0, 4); i > 0; i--) {
        const k = rng.chance(0.3) ? rng.pick(["__proto__", "constructor", "", "x".repeat(100)]) : rng.pick(["url", "baseUrl", "apiToken", "subdomain", "inboxId", "appSecret", "email", rng.ascii(6)]);
        Object.defineProperty(out, k, { value: inputFor(def.valueType as z.ZodType, rng, depth + 1, k), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case "union":
      return inputFor(rng.pick(def.options as z.ZodType[]), rng, depth + 1, key);
    case "optional":
      return rng.chance(0.25) ? undefined : inputFor(def.innerType as z.ZodType, rng, depth + 1, key);
    case "nullable":
      return rng.chance(0.25) ? null : inputFor(def.innerType as z.ZodType, rng, depth + 1, key);
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return rng.chance(0.2) ? undefined : inputFor(def.innerType as z.ZodType, rng, depth + 1, key);
    case "pipe":
      return inputFor(def.in as z.ZodType, rng, depth + 1, key);
    case "date":
      return rng.chance(0.8) ? new Date(rng.pick([Date.now(), Date.now() + 86_400_000, NaN, 8.64e15, -8.64e15, 0])) : rng.pick(nastyStrings);
    default:
      // unknown / any (segment definitions, …): JSON of every shape, and very deep JSON.
      return rng.chance(0.1) ? deeplyNested(rng.int(100, 5000)) : randomValue(rng);
  }
}

function inputForProcedure(procedure: AnyProcedure, rng: Rng): unknown {
  const schema = procedure._def.inputs[0];
  if (!schema) return rng.chance(0.7) ? undefined : randomValue(rng);
  if (rng.chance(0.08)) return randomValue(rng);
  return inputFor(schema, rng);
}

// ---------- calling and judging ----------

async function call(path: string, input: unknown): Promise<{ ok: true } | { ok: false; error: TRPCError }> {
  let node: unknown = brand.caller;
  for (const part of path.split(".")) node = (node as Record<string, unknown>)[part];
  try {
    await (node as (input: unknown) => Promise<unknown>)(input);
    return { ok: true };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, error };
    throw error;
  }
}

/** What a client would see: the error as the app's errorFormatter shapes it. */
function shapedMessage(error: TRPCError, path: string, input: unknown): string {
  const shape = getErrorShape({ config: appRouter._def._config, error, type: "unknown", path, input, ctx: undefined });
  return shape.message;
}

const leakMarkers = [/prisma/i, /invalid `/i, /\n\s+at /, /SELECT |INSERT |UPDATE /, /TypeError|ReferenceError|RangeError/];

describe(`tRPC input fuzzing (seed ${seed}, ${casesPerProcedure} cases per procedure)`, () => {
  it("enumerates the whole router", () => {
    expect(procedures.length).toBeGreaterThan(60);
  });

  for (const [index, [path, procedure]] of procedures.entries()) {
    it(`${path}: never INTERNAL_SERVER_ERROR; a refusal has a readable message and changes nothing`, { timeout: 300_000 }, async () => {
      const rng = new Rng(seed + index * 104_729);
      const db = getDb();
      let counts: RowCounts = await countRows(db);
      const failures: string[] = [];
      const codes: Record<string, number> = {};
      for (let i = 0; i < casesPerProcedure && failures.length < 5; i++) {
        const input = inputForProcedure(procedure, rng);
        const result = await call(path, input);
        const where = `case ${i} input ${describeValue(input)}`;
        if (result.ok) {
          codes.ok = (codes.ok ?? 0) + 1;
          counts = await countRows(db);
          continue;
        }
        const { error } = result;
        codes[error.code] = (codes[error.code] ?? 0) + 1;
        const message = shapedMessage(error, path, input);
        if (error.code === "INTERNAL_SERVER_ERROR") failures.push(`INTERNAL_SERVER_ERROR (${error.cause?.message ?? error.message}) for ${where}`.slice(0, 1200));
        else if (!message.trim() || message.length > 2000 || leakMarkers.some((m) => m.test(message))) failures.push(`unreadable message ${describeValue(message)} for ${where}`);
        const after = await countRows(db);
        const changed = diffCounts(counts, after);
        if (Object.keys(changed).length) failures.push(`refused (${error.code}) but rows changed ${describeValue(changed)} for ${where}`);
        counts = after;
      }
      if (failures.length) console.log(`[trpc-fuzz] ${path} (seed ${seed}):\n${failures.join("\n")}`);
      expect(failures, `${path}, seed ${seed}; codes ${describeValue(codes)}`).toEqual([]);
    });
  }
});
