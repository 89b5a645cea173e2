import { describe, expect, it } from "vitest";
import { decideConsent, planProfileImport, type ExistingProfile } from "./plan-profile-import";
import { readProfileCsv } from "./read-profile-csv";

function existing(phone: string, overrides: Partial<ExistingProfile> = {}): ExistingProfile {
  return { id: `id-${phone}`, phone, firstName: "Ava", lastName: "Chen", email: "ava@example.com", smsConsent: "subscribed", properties: { city: "Portland" }, ...overrides };
}

const plan = (text: string, profiles: ExistingProfile[] = []) => planProfileImport(readProfileCsv(text), profiles);

describe("planProfileImport", () => {
  it("creates new profiles, recording a subscription from the file as a consent change", () => {
    const result = plan("phone,first_name,consent,tier\n+15555550101,Ava,yes,gold\n+15555550102,Ben,,\n");
    expect(result.profiles).toMatchObject([
      { row: 2, action: "create", profileId: null, set: { firstName: "Ava", properties: { tier: "gold" } }, consentChange: { from: "never_subscribed", to: "subscribed" } },
      { row: 3, action: "create", consentChange: null, after: { smsConsent: "never_subscribed" } },
    ]);
    expect(result.counts).toEqual({ rows: 2, create: 2, update: 0, unchanged: 0, subscribed: 1, unsubscribed: 0, errors: 0, warnings: 0 });
  });

  it("updates existing profiles with only what differs and merges properties", () => {
    const result = plan("phone,first_name,last_name,city,tier\n+15555550101,Ava,Park,Portland,gold\n", [existing("+15555550101")]);
    const [profile] = result.profiles;
    expect(profile).toMatchObject({ action: "update", profileId: "id-+15555550101", set: { lastName: "Park", properties: { tier: "gold" } } });
    expect(profile!.set.firstName).toBeUndefined();
    expect(profile!.after).toEqual({ firstName: "Ava", lastName: "Park", email: "ava@example.com", smsConsent: "subscribed", properties: { city: "Portland", tier: "gold" } });
  });

  it("counts a row that changes nothing as unchanged", () => {
    const result = plan("phone,first_name,city,consent\n+15555550101,Ava,Portland,subscribed\n", [existing("+15555550101")]);
    expect(result.profiles[0]!.action).toBe("unchanged");
    expect(result.counts).toMatchObject({ create: 0, update: 0, unchanged: 1 });
  });

  it("never resubscribes an unsubscribed profile: consent stays, other fields import, the row is warned about", () => {
    const result = plan("phone,first_name,consent\n+15555550101,Avery,subscribed\n", [existing("+15555550101", { smsConsent: "unsubscribed" })]);
    expect(result.errors).toEqual([]);
    expect(result.profiles[0]).toMatchObject({ action: "update", consentChange: null, set: { firstName: "Avery" }, after: { smsConsent: "unsubscribed" } });
    expect(result.warnings).toEqual([
      { row: 2, column: "consent", message: expect.stringMatching(/^Row 2: \+1 \(555\) 555-0101 opted out of texts and stays unsubscribed: an import can't resubscribe someone/) },
    ]);
    expect(result.counts).toMatchObject({ subscribed: 0, warnings: 1 });
  });

  it("honours an opt-out from the file", () => {
    const result = plan("phone,consent\n+15555550101,no\n", [existing("+15555550101")]);
    expect(result.profiles[0]).toMatchObject({ action: "update", consentChange: { from: "subscribed", to: "unsubscribed" } });
    expect(result.counts.unsubscribed).toBe(1);
  });

  it("keeps the plan's errors from the file and plans only valid rows", () => {
    const result = plan("phone\n+15555550101\nbad\n");
    expect(result.profiles).toHaveLength(1);
    expect(result.counts).toMatchObject({ rows: 2, create: 1, errors: 1 });
  });
});

describe("decideConsent", () => {
  it.each([
    ["never_subscribed", "subscribed", "change"],
    ["never_subscribed", "unsubscribed", "change"],
    ["subscribed", "unsubscribed", "change"],
    ["subscribed", "never_subscribed", "keep_with_warning"],
    ["unsubscribed", "subscribed", "keep_with_warning"],
    ["unsubscribed", "never_subscribed", "keep_with_warning"],
    ["subscribed", "subscribed", "keep"],
    ["unsubscribed", null, "keep"],
  ] as const)("%s + file says %s → %s", (current, requested, type) => {
    expect(decideConsent(current, requested).type).toBe(type);
  });
});
