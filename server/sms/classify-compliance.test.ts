import { describe, expect, it } from "vitest";
import { classifyCompliance } from "./classify-compliance";

describe("classifyCompliance", () => {
  it.each([
    "STOP", "stop", "  Stop.  ", "STOP!!!", "stop 🛑", "Stop😡😡", "STOPALL", "stop all", "Stop   All",
    "Unsubscribe", "cancel", "END", "quit", "Revoke", "optout", "opt out", "Opt-Out", "OPT OUT!", "\"stop\"",
  ])("opt-out keyword %j", (text) => {
    expect(classifyCompliance(text)).toBe("opt_out");
  });

  it.each(["START", "unstop", "Yes", "yes!", "YES 👍"])("opt-in keyword %j", (text) => {
    expect(classifyCompliance(text)).toBe("opt_in");
  });

  it.each(["HELP", "help?", "Info"])("help keyword %j", (text) => {
    expect(classifyCompliance(text)).toBe("help");
  });

  it.each([
    "Please stop texting me",
    "stop texting me",
    "Can you stop messaging me?",
    "Take me off your list",
    "remove me from your list please",
    "Remove my number from your texting list",
    "No more messages",
    "no more texts!!",
    "unsubscribe me",
    "Please unsubscribe me from these texts",
    "Don't text me anymore",
    "dont text me again",
    "Don’t message me ever",
    "Do not contact me.",
    "STOP! Who is this?",
    "Stop sending me these texts",
    "I want to opt out",
    "I'd like to unsubscribe",
    "please stop",
    "Leave me alone",
  ])("free-text opt-out %j", (text) => {
    expect(classifyCompliance(text)).toBe("opt_out");
  });

  it.each([
    "cancel my order",
    "Stop by the store",
    "when does the sale end",
    "help me find a gift",
    "start my return",
    "can you help me",
    "is it in stock",
    "Yes please",
    "yes I'd like the blue one",
    "info on returns?",
    "I want to cancel my subscription box",
    "unsubscribe me from the monthly box",
    "take me off the waitlist",
    "Don't text me the tracking number, email it",
    "don't stop texting me deals!",
    "Can you text me when it's back in stock?",
    "What time do you close?",
    "Did you stop the promotions?",
    "why did you stop marketing the blue one",
    "",
    "   ",
  ])("not a compliance request: %j", (text) => {
    expect(classifyCompliance(text)).toBeNull();
  });

  // A pattern with two ways to read "any more any more …" backtracks exponentially: 26 repeats
  // take seconds (and 40, hours), where a sound pattern takes well under a millisecond.
  it.each(["any more ", "anymore ", "ever again ", "right now ", "please ", "stop ", "oh my god ", "when i can ", "the "])(
    "answers at once on %j repeated after every opening (no catastrophic backtracking)",
    (unit) => {
      for (const opening of ["", "stop sending ", "i dont want ", "dont text me ", "unsubscribe me ", "take me off ", "I said stop "]) {
        const started = performance.now();
        classifyCompliance(`${opening}${unit.repeat(26)}x`);
        expect(performance.now() - started).toBeLessThan(250);
      }
    },
  );
});
