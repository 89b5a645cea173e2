/** CSRF on tRPC: through the real /api/trpc route handler, as the browser and other callers send requests. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as trpcGET, POST as trpcPOST } from "@/app/api/trpc/[trpc]/route";
import { publicUrl } from "../env";

const url = `${publicUrl()}/api/trpc/segments.create`;
const host = new URL(publicUrl()).host;
const body = JSON.stringify({ json: { name: "Everyone", definition: { type: "and", children: [] } } });

function post(headers: Record<string, string>) {
  return trpcPOST(new Request(url, { method: "POST", headers: { "content-type": "application/json", host, ...headers }, body }));
}

/** Refused by the CSRF check: 403 with the reason, before tRPC (or the session) is consulted. */
async function expectRefused(res: Response, reason: RegExp) {
  expect(res.status).toBe(403);
  const json = (await res.json()) as { error: string; message: string };
  expect(json.error).toBe("FORBIDDEN");
  expect(json.message).toMatch(/^Cross-site request refused/);
  expect(json.message).toMatch(reason);
}

/**
 * Let through to tRPC: the answer is tRPC's own error shape, not the CSRF refusal. (tRPC's context
 * then reads the session through next/headers, which only exists inside Next's request scope, so
 * here tRPC answers with its internal error; in the app it is 401 without a session.)
 */
async function expectLetThrough(res: Response) {
  expect(res.status).not.toBe(403);
  const json = (await res.json()) as { error: { json?: { message: string; data: { code: string } } } };
  expect(json.error.json?.data.code).toMatch(/^(UNAUTHORIZED|INTERNAL_SERVER_ERROR)$/);
  expect(json.error.json?.message).not.toMatch(/Cross-site/);
}

describe("tRPC refuses cross-site mutations", () => {
  // The route logs tRPC's internal errors (see expectLetThrough); keep the test output readable.
  beforeAll(() => void vi.spyOn(console, "error").mockImplementation(() => undefined));

  it("refuses a form or fetch from another site (Sec-Fetch-Site and Origin)", async () => {
    await expectRefused(await post({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), /Sec-Fetch-Site: cross-site/);
    await expectRefused(await post({ "sec-fetch-site": "same-site", origin: "https://shop.parley.dev" }), /same-site/);
    // An older browser without Sec-Fetch-* still sends Origin on a cross-site POST.
    await expectRefused(await post({ origin: "https://evil.example" }), /Origin: https:\/\/evil\.example/);
    await expectRefused(await post({ origin: "null" }), /Origin: null/);
    // Same host name, another port is another origin.
    await expectRefused(await post({ origin: "http://localhost:1" }), /Origin:/);
  });

  it("lets our own pages, server-to-server calls and reads through", async () => {
    await expectLetThrough(await post({ "sec-fetch-site": "same-origin", origin: publicUrl() }));
    // Behind a proxy the Host it forwards is ours too.
    await expectLetThrough(await post({ origin: "https://app.parley.example", "x-forwarded-host": "app.parley.example" }));
    await expectLetThrough(await post({}));
    await expectLetThrough(await post({ "sec-fetch-site": "none" }));
    const read = await trpcGET(new Request(`${publicUrl()}/api/trpc/brand.current`, { headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } }));
    await expectLetThrough(read);
  });
});
