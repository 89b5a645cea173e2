import { describe, expect, it } from "vitest";
import { extractFields, kindOfField, profileChangesFor } from "./extract-fields";

describe("extractFields", () => {
  it("finds an email anywhere, lower-cased", () => {
    expect(extractFields("sure, it's Pat.Rivera@Acme.test thanks", ["email"])).toEqual({ email: "pat.rivera@acme.test" });
  });

  it("reads a bare answer as the field that was asked for", () => {
    expect(extractFields("Pat Rivera", ["name", "email"], { asking: "name" })).toEqual({ name: "Pat Rivera" });
    expect(extractFields("pat rivera", ["name"], { asking: "name" })).toEqual({ name: "Pat Rivera" });
    expect(extractFields("Acme Outfitters", ["company"], { asking: "company" })).toEqual({ company: "Acme Outfitters" });
    expect(extractFields("around 5k", ["budget"], { asking: "budget" })).toEqual({ budget: "around 5k" });
  });

  it("does not read a bare text as a field nobody asked for", () => {
    expect(extractFields("Pat Rivera", ["name"])).toEqual({});
    expect(extractFields("interested in pricing for 20 units", ["name", "email", "phone", "company"])).toEqual({});
  });

  it("reads explicit forms without being asked", () => {
    expect(extractFields("Hi, my name is Pat Rivera and I'd like a quote", ["name"])).toEqual({ name: "Pat Rivera" });
    expect(extractFields("I'm Pat from Acme", ["name"])).toEqual({ name: "Pat" });
    expect(extractFields("I work at Acme Outfitters", ["company"])).toEqual({ company: "Acme Outfitters" });
    expect(extractFields("budget is $5,000, maybe more", ["budget"])).toEqual({ budget: "$5,000" });
  });

  it("is not fooled by sentences that only look like introductions", () => {
    expect(extractFields("I'm interested in pricing", ["name"])).toEqual({});
    expect(extractFields("this is urgent", ["name"])).toEqual({});
    expect(extractFields("thanks", ["name"], { asking: "name" })).toEqual({});
    expect(extractFields("what do you need it for?", ["name"], { asking: "name" })).toEqual({});
  });

  it("splits a text that answers several fields", () => {
    expect(extractFields("Pat Rivera, pat@acme.test, 503-555-0123", ["name", "email", "phone"], { asking: "name" })).toEqual({
      name: "Pat Rivera",
      email: "pat@acme.test",
      phone: "+15035550123",
    });
  });

  it("does not take short numbers for phone numbers", () => {
    expect(extractFields("20 units, order #1001", ["phone"])).toEqual({});
  });

  it("strips lead-ins from a bare answer", () => {
    expect(extractFields("sure, it's Pat", ["name"], { asking: "name" })).toEqual({ name: "Pat" });
  });
});

describe("kindOfField and profileChangesFor", () => {
  it("knows the usual fields", () => {
    expect(["name", "email", "phone_number", "company_name", "zip"].map(kindOfField)).toEqual(["name", "email", "phone", "company", "other"]);
  });

  it("puts name and email on the profile's own fields and the rest in properties", () => {
    const changes = profileChangesFor({ name: "Pat Rivera", email: "pat@acme.test", company: "Acme", phone: "+15035550123" }, { properties: { city: "Portland" } });
    expect(changes).toEqual({ firstName: "Pat", lastName: "Rivera", email: "pat@acme.test", properties: { city: "Portland", company: "Acme", phone: "+15035550123" } });
  });
});
