/**
 * Rate limits on the real paths: next-auth's credentials sign-in (AuthHandler with our options, as
 * the /api/auth route runs it), the public API's route handler, and the counters themselves.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as apiReplyPOST } from "@/app/api/v1/conversations/[id]/messages/route";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { signInLimits } from "../auth";
import { getDb } from "../db";
import { publicUrl } from "../env";
import { createBrand, createMember, createShopper } from "../testing/fixtures";
import { signInOverHttp } from "../testing/next-auth-http";
import { hitRateLimit, pruneExpiredBuckets, resetRateLimit } from "./rate-limit";

const db = () => getDb();
describe("rate-limit counters", () => {
  it("counts concurrent hits exactly once each and limits everything past the limit", async () => {
    const limit = { key: "test:concurrent", limit: 10, windowMs: 60_000 };
    const now = Date.UTC(2026, 0, 1, 12, 0, 15);
    const hits = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(db(), limit, now)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(hits.filter((h) => !h.isLimited)).toHaveLength(10);
    const limited = hits.find((h) => h.isLimited);
    // The window started at 12:00:00, so it ends 45 s after "now".
    expect(limited).toMatchObject({ isLimited: true, retryAfterSeconds: 45 });

    // The next window starts from zero; the ended one is pruned.
    expect(await hitRateLimit(db(), limit, now + 60_000)).toEqual({ isLimited: false, count: 1 });
    await pruneExpiredBuckets(db(), now + 60_000, { force: true });
    expect(await db().rateLimitBucket.count({ where: { key: limit.key } })).toBe(1);
    await resetRateLimit(db(), limit.key);
    expect(await db().rateLimitBucket.count({ where: { key: limit.key } })).toBe(0);
  });
});

/** One credentials sign-in through next-auth's own handler, from the address the server decided. */
const signIn = (email: string, password: string, ip: string) => signInOverHttp(new Map(), email, password, ip);

describe("sign-in limits (through next-auth's credentials callback)", () => {
  let email: string;
  beforeAll(async () => {
    const brand = await createBrand(db());
    ({ email } = await createMember(db(), brand.id));
  });

  it("lets a person mistype 5 times, then refuses even the right password from that address, with the wait", async () => {
    for (let i = 0; i < 5; i++) expect(await signIn(email, "wrong-password", "203.0.113.1")).toMatchObject({ status: 401, error: "CredentialsSignin" });
    const limited = await signIn(email, "correct-horse", "203.0.113.1");
    expect(limited.isSignedIn).toBe(false);
    expect(limited.error).toMatch(/^TooManyAttempts:\d+$/);
    const seconds = Number(limited.error!.split(":")[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(15 * 60);

    // Another address is a different person (or the same one on their phone): not blocked.
    expect(await signIn(email, "correct-horse", "198.51.100.7")).toMatchObject({ isSignedIn: true, error: null });
  });

  it("forgets an email's failures once its owner signs in", async () => {
    const ip = "203.0.113.2";
    for (let i = 0; i < 4; i++) expect((await signIn(email, "wrong-password", ip)).error).toBe("CredentialsSignin");
    expect((await signIn(email, "correct-horse", ip)).isSignedIn).toBe(true);
    for (let i = 0; i < 4; i++) expect((await signIn(email, "wrong-password", ip)).error).toBe("CredentialsSignin");
    expect((await signIn(email, "correct-horse", ip)).isSignedIn).toBe(true);
  });

  it("limits one address trying many emails (50 failures per 15 minutes)", async () => {
    const ip = "203.0.113.3";
    // 49 earlier failures from this address (counted as the sign-in path counts them).
    for (let i = 0; i < 49; i++) await hitRateLimit(db(), signInLimits(`someone-${i}@test.dev`, ip).ip);
    expect((await signIn("nobody@test.dev", "whatever", ip)).error).toBe("CredentialsSignin");
    expect((await signIn(email, "correct-horse", ip)).error).toMatch(/^TooManyAttempts:/);
  });

  it("never locks an account's owner out from their own address, however many addresses guessed wrong", async () => {
    const target = "target@test.dev";
    const owner = await createMember(db(), (await createBrand(db())).id, target);
    for (let i = 0; i < 30; i++) expect((await signIn(target, "guess", `192.0.2.${i}`)).error).toBe("CredentialsSignin");
    // Each guessing address is limited on its own…
    for (let i = 0; i < 5; i++) await signIn(target, "guess", "192.0.2.250");
    expect((await signIn(target, "guess", "192.0.2.250")).error).toMatch(/^TooManyAttempts:/);
    // …and the owner, elsewhere, still gets in.
    expect(await signIn(owner.email, "correct-horse", "198.51.100.20")).toMatchObject({ isSignedIn: true, error: null });
  });
});

describe("public API limits (through the route handler)", () => {
  let apiKey: string;
  let conversationId: string;
  beforeAll(async () => {
    const brand = await createBrand(db());
    const member = await createMember(db(), brand.id);
    ({ apiKey } = await createCaller(createApiContext(member)).helpdesk.generateApiKey());
    const shopper = await createShopper(db(), brand.id);
    conversationId = (await db().conversation.create({ data: { brandId: brand.id, profileId: shopper.id, status: "escalated", windowEndsAt: new Date(Date.now() + 3_600_000) } })).id;
  });

  const post = (headers: Record<string, string>, body: unknown) =>
    apiReplyPOST(
      new Request(`${publicUrl()}/api/v1/conversations/${conversationId}/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
      { params: Promise.resolve({ id: conversationId }) },
    );

  it("answers 429 with Retry-After and a JSON reason past 60 requests a minute for one key", async () => {
    // Stay clear of a minute boundary, where the fixed window starts again from zero.
    if (Date.now() % 60_000 > 55_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 50));
    const statuses: number[] = [];
    // A body without "body" is refused after authentication: cheap, and still counted.
    for (let i = 0; i < 60; i++) statuses.push((await post({ authorization: `Bearer ${apiKey}` }, { text: "hi" })).status);
    expect(new Set(statuses)).toEqual(new Set([400]));
    const limited = await post({ authorization: `Bearer ${apiKey}` }, { body: "hi" });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: "RATE_LIMITED", retryAfterSeconds: retryAfter, message: expect.stringContaining("Too many requests with this API key") });
    expect(await db().message.count({ where: { conversationId } })).toBe(0);
  });

  it("limits guessing keys from one address, without telling which keys exist", async () => {
    const ip = "203.0.113.50";
    if (Date.now() % 60_000 > 55_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 50));
    let last: Response | undefined;
    for (let i = 0; i < 21; i++) last = await post({ authorization: `Bearer prl_guess${i}`, "x-forwarded-for": ip }, { body: "hi" });
    expect(last!.status).toBe(429);
    expect(last!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await last!.json()) as { error: string }).error).toBe("RATE_LIMITED");
    // Another address is unaffected.
    expect((await post({ authorization: "Bearer prl_guess", "x-forwarded-for": "203.0.113.51" }, { body: "hi" })).status).toBe(401);
  });
});
