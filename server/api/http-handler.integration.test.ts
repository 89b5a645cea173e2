/**
 * tRPC over HTTP with hostile requests: superjson metadata that tries prototype pollution or
 * unknown classes, oversized batches, broken encodings. Each must be a 4xx with a message, never a
 * 5xx; a well-formed call is the control.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { createBrand, createMember } from "../testing/fixtures";
import { MAX_TRPC_BATCH_SIZE } from "./batch-limit";
import { handleTrpcRequest } from "./http-handler";
import { createApiContext } from "./trpc";

let member: Awaited<ReturnType<typeof createMember>>;
const base = "http://localhost/api/trpc";

beforeAll(async () => {
  const brand = await createBrand(getDb(), { name: "Http" });
  member = await createMember(getDb(), brand.id);
});

const send = (req: Request) => handleTrpcRequest(req, async () => createApiContext(member));
const get = (path: string, input: string) => send(new Request(`${base}/${path}?input=${encodeURIComponent(input)}`));
const getRaw = (pathAndQuery: string) => send(new Request(`${base}/${pathAndQuery}`));

async function expectRefused(res: Response, label: string) {
  const text = await res.text();
  expect(res.status, `${label}: ${text}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${label}: ${text}`).toBeLessThan(500);
  const body = JSON.parse(text) as { error?: { json?: { message?: string } } } | { error?: { json?: { message?: string } } }[];
  const message = (Array.isArray(body) ? body[0] : body)?.error?.json?.message;
  expect(message, label).toBeTruthy();
  expect(message).not.toMatch(/prisma|\n\s+at /i);
}

describe("tRPC over HTTP", () => {
  it("answers a well-formed call (control)", async () => {
    const res = await get("profiles.list", JSON.stringify({ json: { page: 1 } }));
    expect(res.status).toBe(200);
  });

  it.each([
    ["__proto__ in a superjson value path", { json: { id: "x" }, meta: { values: { "__proto__.polluted": ["undefined"] } } }],
    ["constructor.prototype in a referential path", { json: { id: "x" }, meta: { referentialEqualities: { id: ["constructor.prototype.polluted"] } } }],
    ["an unregistered class", { json: { id: "x" }, meta: { values: { id: ["class", "Evil"] } } }],
    ["a custom transformer that does not exist", { json: { id: "x" }, meta: { values: { id: [["custom", "Evil"]] } } }],
    ["an invalid Date", { json: { id: "x", at: "nope" }, meta: { values: { at: ["Date"] } } }],
    ["meta of the wrong type", { json: { id: "x" }, meta: "boom" }],
  ])("refuses %s with a 4xx and pollutes nothing", async (label, payload) => {
    await expectRefused(await get("campaigns.schedule", JSON.stringify(payload)), label);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses broken percent-encoding, input that is not JSON, and unknown procedures", async () => {
    await expectRefused(await getRaw("profiles.get?input=%E0%A4%A%zz"), "percent-encoding");
    await expectRefused(await get("profiles.get", "{not json"), "not JSON");
    await expectRefused(await get("brands.everything", "{}"), "unknown procedure");
  });

  it(`refuses a batch of more than ${MAX_TRPC_BATCH_SIZE} calls, and answers one of that size`, async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "segments.examples").join(",");
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]));
      return getRaw(`${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
    };
    expect((await batch(MAX_TRPC_BATCH_SIZE)).status).toBe(200);
    await expectRefused(await batch(MAX_TRPC_BATCH_SIZE + 1), "oversized batch");
  });
});
