import { describe, expect, it } from "vitest";
import { POST } from "./route";

describe("POST /api/trpc", () => {
  it("answers 413 with a reason once a body passes 16 MB, without reading the rest", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const req = new Request("http://localhost/api/trpc/profiles.import", { method: "POST", headers: { "content-type": "application/json" }, body: endless, duplex: "half" } as RequestInit);
    const res = await POST(req);
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(body.error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error.json.message).toMatch(/too large/);
    expect(pulled).toBeLessThan(20);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const req = new Request("http://localhost/api/trpc/profiles.import", { method: "POST", headers: { "content-type": "application/json", "content-length": String(64 * 1024 * 1024) }, body: "{}" });
    expect((await POST(req)).status).toBe(413);
  });
});
