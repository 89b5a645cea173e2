import { beforeAll, describe, expect, it } from "vitest";
import { createApiContext, createCaller } from "@/server/api";
import { brandMemberOf } from "@/server/auth";
import { getDb } from "@/server/db";
import { createBrand, createMember } from "@/server/testing/fixtures";
import { POST } from "./route";

let caller: ReturnType<typeof createCaller>;

function request(body: unknown, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/invitations/accept", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.10", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function inviteLinkToken(email: string) {
  const { link } = await caller.team.invite({ email, role: "member" });
  return decodeURIComponent(link.split("/invite/")[1]!);
}

beforeAll(async () => {
  const brand = await createBrand(getDb(), { name: "Larch" });
  caller = createCaller(createApiContext(await createMember(getDb(), brand.id)));
});

describe("POST /api/invitations/accept", () => {
  it("creates the account and membership: 201 with the brand, email and role", async () => {
    const token = await inviteLinkToken("route-new@example.com");
    const res = await POST(request({ token, name: "Rene", password: "a long enough password" }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ brandName: "Larch", email: "route-new@example.com", role: "member" });
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "route-new@example.com" } });
    expect(await brandMemberOf(user.id)).toMatchObject({ brandName: "Larch", role: "member" });

    const again = await POST(request({ token, name: "Rene", password: "a long enough password" }));
    expect(again.status).toBe(409);
    expect((await again.json()).message).toContain("already been used");
  });

  it("answers field errors as 400 with the fields, and a malformed body as 400", async () => {
    const token = await inviteLinkToken("route-short@example.com");
    const res = await POST(request({ token, name: "Rene", password: "short" }));
    expect(res.status).toBe(400);
    expect((await res.json()).fields).toEqual({ password: "Use at least 10 characters; this password has 5." });
    expect((await POST(request("{not json"))).status).toBe(400);
    expect((await POST(request({ token: 42 }))).status).toBe(400);
  });

  it("refuses a cross-site post", async () => {
    const token = await inviteLinkToken("route-csrf@example.com");
    const res = await POST(request({ token, name: "Rene", password: "a long enough password" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }));
    expect(res.status).toBe(403);
    expect(await getDb().user.findUnique({ where: { email: "route-csrf@example.com" } })).toBeNull();
  });

  it("limits attempts per address: 429 with Retry-After by the 11th guess", async () => {
    // However the address is read (X-Forwarded-For trusted or not), these all come from one.
    const ip = { "x-forwarded-for": "203.0.113.99" };
    const statuses: number[] = [];
    for (let i = 0; i < 11 && !statuses.includes(429); i++) statuses.push((await POST(request({ token: `guess-${i}`, name: "X", password: "a long enough password" }, ip))).status);
    expect(statuses.at(-1)).toBe(429);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([404]));
    const res = await POST(request({ token: "guess-12", name: "X", password: "a long enough password" }, ip));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
