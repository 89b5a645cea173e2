import { describe, expect, it } from "vitest";
import { splitReaction } from "./split-reaction";

describe("splitReaction", () => {
  it("returns the quoted text of a tapback", () => {
    expect(splitReaction("Liked “Big sale today! Reply STOP to opt out”")).toEqual({
      quoted: "Big sale today! Reply STOP to opt out",
      rest: "",
    });
  });

  it("separates what the shopper wrote on the next line", () => {
    expect(splitReaction("Loved “Your order shipped!”\nstop texting me")).toEqual({ quoted: "Your order shipped!", rest: "stop texting me" });
  });

  it("keeps a multi-line quote with its own quotes whole", () => {
    expect(splitReaction("Liked “He said “hi”\nthen left”")).toEqual({ quoted: "He said “hi”\nthen left", rest: "" });
    expect(splitReaction('Liked "Use "SAVE20"\nat checkout"')).toEqual({ quoted: 'Use "SAVE20"\nat checkout', rest: "" });
  });

  it("reads a quote the phone cut short as all quoted", () => {
    expect(splitReaction("Liked “Big sale today! Reply STOP to o")).toEqual({ quoted: "Big sale today! Reply STOP to o", rest: "" });
  });

  it("reads reactions to attachments, iOS 18 emoji tapbacks and Google Messages reactions", () => {
    expect(splitReaction("Loved an image")).toEqual({ quoted: null, rest: "" });
    expect(splitReaction("Liked an image\nwhere is my order?")).toEqual({ quoted: null, rest: "where is my order?" });
    expect(splitReaction("Reacted 🔥 to “New drop”")?.quoted).toBe("New drop");
    expect(splitReaction("👍🏽 to \"Thanks\"")?.quoted).toBe("Thanks");
    expect(splitReaction("Removed a heart from “Thanks”")?.quoted).toBe("Thanks");
  });

  it.each(["Loved it! Do you have it in blue?", 'Loved "the jacket" is it waterproof?', "I liked “the blue one”", "Loved 'em", "👍 to be honest"])(
    "is not fooled by %j",
    (text) => {
      expect(splitReaction(text)).toBeNull();
    },
  );
});
