import { describe, expect, it } from "vitest";
import { validateCampaignFields, type CampaignFields } from "./validate-campaign";

const base: CampaignFields = { name: "Winter sale", body: 'Hi {{ first_name | default: "there" }}!', linkUrl: null, segmentIds: ["s1"], excludedSegmentIds: [] };
const check = (input: Partial<CampaignFields>, isSending = true) => validateCampaignFields({ ...base, ...input }, { isSending, brandName: "Juniper" });

describe("campaign fields", () => {
  it("accepts a complete campaign", () => {
    expect(check({})).toEqual({});
  });

  it("drafts need only a name; a send needs a message and a segment", () => {
    expect(check({ body: "", segmentIds: [] }, false)).toEqual({});
    expect(check({ name: " " }, false).name).toContain("Name the campaign");
    expect(check({ body: "", segmentIds: [] })).toEqual({ body: "Write the message shoppers will receive.", segmentIds: "Choose at least one segment to send to." });
  });

  it("explains broken tags, bad links, over-long texts and overlapping segments", () => {
    expect(check({ body: "Hi {{ name }}" }).body).toContain("there is no “name”");
    expect(check({ linkUrl: "juniper.example/sale" }).linkUrl).toContain("isn’t a web address");
    expect(check({ linkUrl: "ftp://juniper.example/sale" }).linkUrl).toContain("https://");
    expect(check({ linkUrl: "https://juniper.example/sale" }).linkUrl).toBeUndefined();
    expect(check({ body: "x".repeat(1590) }).body).toContain("at most 1,600 characters");
    expect(check({ excludedSegmentIds: ["s1"] }).excludedSegmentIds).toContain("both sent to and excluded");
  });
});
