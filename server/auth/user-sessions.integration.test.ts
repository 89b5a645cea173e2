/**
 * Finding 8 of issue 15 ("sign-out doesn't end the session"), over HTTP: sign in through
 * next-auth's credentials callback, keep the cookie, call tRPC with it (the /api/trpc route), sign
 * out, then the same cookie must get UNAUTHORIZED. A password or role change (endSessionsOf) ends
 * every session of the user the same way.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as trpcGET } from "@/app/api/trpc/[trpc]/route";
import { getDb } from "../db";
import { publicUrl } from "../env";
import { createBrand, createMember } from "../testing/fixtures";
import { cookieHeader, signInOverHttp, signOutOverHttp, type CookieJar } from "../testing/next-auth-http";
import { endSessionsOf } from "./user-sessions";

const db = getDb();
let email: string;
let userId: string;

beforeAll(async () => {
  const brand = await createBrand(db, { name: "Sessions" });
  ({ email, userId } = await createMember(db, brand.id));
});

/** brand.current through the tRPC route with the cookies of `jar`: the brand's name, or the error code. */
async function whoAmI(cookies: string): Promise<string> {
  const res = await trpcGET(new Request(`${publicUrl()}/api/trpc/brand.current`, { headers: { host: new URL(publicUrl()).host, cookie: cookies } }));
  const body = (await res.json()) as { result?: { data: { json: { brand: { name: string } } } }; error?: { json: { data: { code: string } } } };
  return body.result ? body.result.data.json.brand.name : body.error!.json.data.code;
}

async function signedIn(): Promise<CookieJar> {
  const jar: CookieJar = new Map();
  expect(await signInOverHttp(jar, email, "correct-horse")).toMatchObject({ isSignedIn: true, error: null });
  return jar;
}

describe("sessions end at sign-out", () => {
  it("the cookie kept from before signing out is no longer signed in", async () => {
    const jar = await signedIn();
    const kept = cookieHeader(jar);
    expect(await whoAmI(kept)).toBe("Sessions");

    await signOutOverHttp(jar);
    expect(await whoAmI(kept)).toBe("UNAUTHORIZED");
    expect(await whoAmI(cookieHeader(jar))).toBe("UNAUTHORIZED");
  });

  it("signing out in one browser leaves the user's other browsers signed in", async () => {
    const laptop = await signedIn();
    const phone = await signedIn();
    await signOutOverHttp(laptop);
    expect(await whoAmI(cookieHeader(phone))).toBe("Sessions");
  });

  it("endSessionsOf (a password or role change) signs the user out everywhere; signing in again works", async () => {
    const laptop = cookieHeader(await signedIn());
    const phone = cookieHeader(await signedIn());
    expect(await endSessionsOf(db, userId)).toBeGreaterThanOrEqual(2);
    expect(await whoAmI(laptop)).toBe("UNAUTHORIZED");
    expect(await whoAmI(phone)).toBe("UNAUTHORIZED");
    expect(await whoAmI(cookieHeader(await signedIn()))).toBe("Sessions");
  });

  it("a sign-in forgets the user's ended sessions, keeps the live ones", async () => {
    await signedIn();
    await endSessionsOf(db, userId);
    const live = await signedIn();
    expect(await db.userSession.count({ where: { userId } })).toBe(1);
    expect(await whoAmI(cookieHeader(live))).toBe("Sessions");
  });
});
