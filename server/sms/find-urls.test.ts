import { describe, expect, it } from "vitest";
import { findUrls } from "./find-urls";

describe("findUrls", () => {
  it("finds a link and leaves the sentence's full stop out", () => {
    expect(findUrls("Track it at https://parley.shop/t/1042.")).toEqual([
      { url: "https://parley.shop/t/1042", start: 12, end: 38 },
    ]);
  });

  it("finds www. links, several per text, without closing punctuation", () => {
    expect(findUrls("(see www.parley.shop/sale) or HTTP://x.co/a?b=1&c=2!").map((m) => m.url)).toEqual([
      "www.parley.shop/sale",
      "HTTP://x.co/a?b=1&c=2",
    ]);
  });

  it("ignores bare domains and plain text", () => {
    expect(findUrls("visit parley.shop today")).toEqual([]);
  });
});
