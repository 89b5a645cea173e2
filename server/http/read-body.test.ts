import { describe, expect, it } from "vitest";
import { readBodyBytes, readBodyText } from "./read-body";

function endless(chunk: Uint8Array): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulls };
}

describe("readBodyBytes", () => {
  it("stops reading an endless body as soon as it passes the limit", async () => {
    const { stream, pulled } = endless(new Uint8Array(1024));
    const req = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(readBodyBytes(req, 10 * 1024)).rejects.toMatchObject({ code: "BAD_REQUEST", userMessage: "The request body is too large (10 KB at most)." });
    expect(pulled()).toBeLessThan(20);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const req = new Request("http://x/", { method: "POST", body: "x".repeat(100), headers: { "content-length": "999999999" } });
    await expect(readBodyBytes(req, 1024)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("returns a body within the limit byte for byte", async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect([...(await readBodyBytes(new Request("http://x/", { method: "POST", body: bytes }), 4))]).toEqual([0, 1, 2, 255]);
    expect([...(await readBodyBytes(new Request("http://x/", { method: "POST" }), 4))]).toEqual([]);
  });
});

describe("readBodyText", () => {
  it("refuses bytes that are not UTF-8 instead of replacing them", async () => {
    const req = new Request("http://x/", { method: "POST", body: new Uint8Array([0x61, 0xc3, 0x28]) });
    await expect(readBodyText(req, 1024)).rejects.toMatchObject({ code: "BAD_REQUEST", userMessage: "The request body is not valid UTF-8 text." });
    expect(await readBodyText(new Request("http://x/", { method: "POST", body: "héllo 👋" }), 1024)).toBe("héllo 👋");
  });
});
