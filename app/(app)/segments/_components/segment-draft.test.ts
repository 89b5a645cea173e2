import { describe, expect, it } from "vitest";
import type { SegmentNode } from "@/server/segments/definition";
import {
  addConditionToGroup,
  addGroup,
  changeConditionKind,
  conditionFieldId,
  definitionToDraft,
  draftFingerprint,
  draftToDefinition,
  filterFieldId,
  issuesByField,
  newCondition,
  newFilter,
  newGroup,
  patchValue,
  placeDefinitionErrors,
  removeCondition,
  updateCondition,
  WHOLE_DRAFT,
  withFrequency,
  withProperty,
  type ConditionDraft,
  type EventConditionDraft,
  type PropertyConditionDraft,
  type SegmentDraft,
  type ValueDraft,
} from "./segment-draft";

const escalated30: SegmentNode = { type: "event", name: "Escalated Customer Agent Conversation", frequency: "at_least", count: 1, window: { kind: "last_days", days: 30 }, where: [] };
const noOrder7: SegmentNode = { type: "event", name: "Placed Order", frequency: "zero", count: 0, window: { kind: "last_days", days: 7 }, where: [] };
const everyValueOperator: SegmentNode[] = [
  { type: "property", key: "city", operator: "equals", value: "Denver" },
  { type: "property", key: "orders", operator: "equals", value: 3 },
  { type: "property", key: "vip", operator: "equals", value: true },
  { type: "property", key: "vip", operator: "not_equals", value: false },
  { type: "property", key: "score", operator: "not_equals", value: -2.5 },
  { type: "property", key: "$email", operator: "contains", value: "@example.com" },
  { type: "property", key: "$first_name", operator: "not_contains", value: "Bot" },
  { type: "property", key: "$last_name", operator: "exists" },
  { type: "property", key: "$phone", operator: "not_exists" },
  { type: "property", key: "lifetime value", operator: "greater_than", value: 100 },
  { type: "property", key: "age", operator: "less_than", value: 0.5 },
];
const consents: SegmentNode[] = [
  { type: "consent", operator: "is", status: "subscribed" },
  { type: "consent", operator: "is_not", status: "unsubscribed" },
  { type: "consent", operator: "is", status: "never_subscribed" },
];
const events: SegmentNode[] = [
  escalated30,
  noOrder7,
  { type: "event", name: "Resolved Customer Agent Conversation", frequency: "at_least", count: 1, window: { kind: "ever" }, where: [] },
  { type: "event", name: "Placed Order", frequency: "exactly", count: 0, window: { kind: "ever" }, where: [] },
  { type: "event", name: "Placed Order", frequency: "exactly", count: 3, window: { kind: "last_days", days: 3650 }, where: [] },
  {
    type: "event",
    name: "Escalated Customer Agent Conversation",
    frequency: "at_least",
    count: 2,
    window: { kind: "last_days", days: 14 },
    where: [
      { key: "reason", operator: "equals", value: "human_requested" },
      { key: "turns", operator: "greater_than", value: 3 },
      { key: "vip", operator: "equals", value: true },
      { key: "note", operator: "not_exists" },
      { key: "channel", operator: "contains", value: "sms" },
    ],
  },
];

function roundTrip(definition: SegmentNode): SegmentNode {
  const opened = definitionToDraft(definition);
  if (!opened.fits) throw new Error(`did not fit: ${opened.reason}`);
  const back = draftToDefinition(opened.draft);
  if (back.status !== "complete") throw new Error(`incomplete: ${JSON.stringify(back.issues)}`);
  return back.definition;
}

const draftOf = (...groups: ConditionDraft[][]): SegmentDraft => ({ groups: groups.map((conditions) => ({ ...newGroup(), conditions })) });

describe("definition ⇄ draft round trip", () => {
  it.each([...everyValueOperator, ...consents, ...events].map((node) => [node.type, JSON.stringify(node), node] as const))("%s %s", (_type, _json, node) => {
    expect(roundTrip(node)).toEqual(node);
  });

  it("keeps an OR group and an AND of groups as they are", () => {
    const orGroup: SegmentNode = { type: "or", children: [consents[0]!, everyValueOperator[0]!, escalated30] };
    const andOfGroups: SegmentNode = {
      type: "and",
      children: [escalated30, { type: "or", children: [everyValueOperator[2]!, everyValueOperator[9]!] }, noOrder7, consents[1]!],
    };
    expect(roundTrip(orGroup)).toEqual(orGroup);
    expect(roundTrip(andOfGroups)).toEqual(andOfGroups);
  });

  it("opens every ready-made example shape", () => {
    const recommendedNoOrder: SegmentNode = {
      type: "and",
      children: [{ type: "event", name: "Received Product Recommendation from Customer Agent", frequency: "at_least", count: 1, window: { kind: "last_days", days: 7 }, where: [] }, noOrder7],
    };
    expect(roundTrip(recommendedNoOrder)).toEqual(recommendedNoOrder);
  });

  it("shows one group per AND child and one row per OR child", () => {
    const opened = definitionToDraft({ type: "and", children: [escalated30, { type: "or", children: [consents[0]!, consents[2]!] }] });
    expect(opened.fits).toBe(true);
    if (!opened.fits) return;
    expect(opened.draft.groups.map((g) => g.conditions.map((c) => c.kind))).toEqual([["event"], ["consent", "consent"]]);
  });

  it("simplifies wrappers that change nothing (an AND of one OR) to the same meaning", () => {
    const wrapped: SegmentNode = { type: "and", children: [{ type: "or", children: [consents[0]!, escalated30] }] };
    expect(roundTrip(wrapped)).toEqual(wrapped.children[0]);
    expect(roundTrip({ type: "or", children: [escalated30] })).toEqual(escalated30);
  });

  it("keeps the count saved with a \"zero times\" event, which the count ignores", () => {
    const node: SegmentNode = { ...noOrder7, count: 4 } as SegmentNode;
    expect(roundTrip(node)).toEqual(node);
  });

  it("keeps a number value's exact number and a text value that looks like a number as text", () => {
    const nodes: SegmentNode[] = [
      { type: "property", key: "n", operator: "equals", value: 0.1 + 0.2 },
      { type: "property", key: "n", operator: "equals", value: "42" },
      { type: "property", key: "n", operator: "equals", value: "true" },
      { type: "property", key: "n", operator: "equals", value: " padded " },
    ];
    for (const node of nodes) expect(roundTrip(node)).toEqual(node);
  });
});

describe("definitions the builder can't show", () => {
  it.each<[string, SegmentNode]>([
    ["a NOT", { type: "not", child: escalated30 }],
    ["a NOT inside a group", { type: "and", children: [escalated30, { type: "not", child: consents[0]! }] }],
    ["an AND inside an OR", { type: "or", children: [{ type: "and", children: [escalated30, noOrder7] }] }],
    ["an AND inside an AND", { type: "and", children: [{ type: "and", children: [escalated30] }] }],
    ["an empty OR group", { type: "and", children: [escalated30, { type: "or", children: [] }] }],
    ["an empty AND (everyone)", { type: "and", children: [] }],
  ])("reports %s as not fitting, with a reason", (_label, node) => {
    const opened = definitionToDraft(node);
    expect(opened.fits).toBe(false);
    if (!opened.fits) expect(opened.reason).toMatch(/groups joined by AND/);
  });
});

describe("incomplete drafts say what is missing", () => {
  it("an empty draft needs a condition", () => {
    expect(draftToDefinition({ groups: [] })).toEqual({ status: "incomplete", issues: [{ field: WHOLE_DRAFT, message: "Add a condition to say who is in this segment." }] });
  });

  it("a condition without a type", () => {
    const c = newCondition("unset");
    const result = draftToDefinition(draftOf([c]));
    expect(result.status).toBe("incomplete");
    if (result.status === "incomplete") expect(issuesByField(result.issues)).toEqual({ [conditionFieldId(c.key, "kind")]: "Choose what kind of condition this is." });
  });

  it("a new event condition needs an event; counts and days must be whole numbers", () => {
    const c = newCondition("event");
    let result = draftToDefinition(draftOf([c]));
    expect(result.status === "incomplete" && issuesByField(result.issues)).toEqual({ [conditionFieldId(c.key, "name")]: "Choose an event." });

    const bad = { ...c, name: "Placed Order", count: "", windowKind: "last_days", days: "1.5" } as ConditionDraft;
    result = draftToDefinition(draftOf([bad]));
    expect(result.status === "incomplete" && issuesByField(result.issues)).toEqual({
      [conditionFieldId(c.key, "count")]: "Enter how many times.",
      [conditionFieldId(c.key, "days")]: "Enter the number of days as a whole number.",
    });
  });

  it("a property condition needs a property and a value of the chosen type", () => {
    const c = newCondition("property");
    let result = draftToDefinition(draftOf([c]));
    expect(result.status === "incomplete" && issuesByField(result.issues)).toEqual({
      [conditionFieldId(c.key, "property")]: "Choose a property.",
      [conditionFieldId(c.key, "value")]: "Enter a value.",
    });
    result = draftToDefinition(draftOf([{ ...c, property: "orders", operator: "greater_than", value: "three", valueType: "number" } as ConditionDraft]));
    expect(result.status === "incomplete" && issuesByField(result.issues)).toEqual({ [conditionFieldId(c.key, "value")]: "Enter a number, like 3 or 12.5." });
    result = draftToDefinition(draftOf([{ ...c, property: "vip", value: "", valueType: "boolean" } as ConditionDraft]));
    expect(result.status === "incomplete" && issuesByField(result.issues)).toEqual({ [conditionFieldId(c.key, "value")]: "Choose true or false." });
    // "is set" needs no value.
    result = draftToDefinition(draftOf([{ ...c, property: "vip", operator: "exists" } as ConditionDraft]));
    expect(result).toMatchObject({ status: "complete", definition: { type: "property", key: "vip", operator: "exists" } });
  });

  it("an event property filter needs its property and value", () => {
    const f = newFilter();
    const c = { ...newCondition("event"), name: "Placed Order", filters: [f] } as ConditionDraft;
    const result = draftToDefinition(draftOf([c]));
    expect(result.status === "incomplete" && issuesByField(result.issues)).toEqual({
      [filterFieldId(c.key, f.key, "property")]: "Choose an event property.",
      [filterFieldId(c.key, f.key, "value")]: "Enter a value.",
    });
  });

  it("reports the schema's own messages on the right condition (the server's rules, checked before sending)", () => {
    const ok = { ...newCondition("consent") } as ConditionDraft;
    const tooMany = { ...newCondition("event"), name: "Placed Order", count: "5000" } as ConditionDraft;
    const atLeastZero = { ...newCondition("event"), name: "Placed Order", count: "0" } as ConditionDraft;
    const badKey = { ...newCondition("property"), property: "$shoe_size", operator: "exists" } as ConditionDraft;
    const f = { ...newFilter(), property: "$x", operator: "exists" as const };
    const badFilter = { ...newCondition("event"), name: "Placed Order", filters: [f] } as ConditionDraft;
    const result = draftToDefinition(draftOf([ok], [ok, tooMany], [atLeastZero], [badKey], [badFilter]));
    expect(result.status).toBe("incomplete");
    if (result.status !== "incomplete") return;
    const byField = issuesByField(result.issues);
    expect(byField[conditionFieldId(tooMany.key, "count")]).toBe("At most 1000.");
    expect(byField[conditionFieldId(badKey.key, "property")]).toBe("Unknown standard field.");
    expect(byField[filterFieldId(badFilter.key, f.key, "property")]).toBeTruthy();
    // Refinements (at least needs ≥ 1) run once the rest parses.
    const onlyRefine = draftToDefinition(draftOf([atLeastZero]));
    expect(onlyRefine.status === "incomplete" && issuesByField(onlyRefine.issues)).toEqual({ [conditionFieldId(atLeastZero.key, "count")]: '"At least" needs a count of 1 or more.' });
  });
});

describe("placing the server's field errors", () => {
  it("maps definition paths to the condition and field that was sent", () => {
    const a = { ...newCondition("event"), name: "Placed Order", filters: [newFilter(), { ...newFilter(), property: "x", value: "y" }] } as ConditionDraft;
    const b = { ...newCondition("property"), property: "city", value: "Denver" } as ConditionDraft;
    const c = newCondition("consent");
    const sent = draftToDefinition(draftOf([{ ...a, filters: [{ ...newFilter(), property: "k", value: "v" }, ...(a.kind === "event" ? a.filters.slice(1) : [])] } as ConditionDraft], [b, c]));
    expect(sent.status).toBe("complete");
    if (sent.status !== "complete") return;
    const [first, second, third] = sent.paths;
    expect(sent.paths.map((p) => p.path)).toEqual(["children.0", "children.1.children.0", "children.1.children.1"]);
    const placed = placeDefinitionErrors(
      {
        name: "Name the segment.",
        "definition.children.0.window.days": "At most 3650 days.",
        "definition.children.0.where.1.value": "Too long.",
        "definition.children.1.children.0.key": "Bad key.",
        "definition.children.1.children.1": "Invalid input",
        definition: "A segment can have at most 40 conditions; it has 41.",
      },
      sent.paths,
    );
    expect(placed).toEqual({
      fields: {
        [conditionFieldId(first!.conditionKey, "days")]: "At most 3650 days.",
        [filterFieldId(first!.conditionKey, first!.filterKeys[1]!, "value")]: "Too long.",
        [conditionFieldId(second!.conditionKey, "property")]: "Bad key.",
        [conditionFieldId(third!.conditionKey, "condition")]: "Invalid input",
      },
      unplaced: ["A segment can have at most 40 conditions; it has 41."],
    });
  });

  it("puts a single condition's errors (path \"definition.count\") on it", () => {
    const c = { ...newCondition("event"), name: "Placed Order" } as ConditionDraft;
    const sent = draftToDefinition(draftOf([c]));
    if (sent.status !== "complete") throw new Error("expected complete");
    expect(placeDefinitionErrors({ "definition.count": "At most 1000." }, sent.paths).fields).toEqual({ [conditionFieldId(c.key, "count")]: "At most 1000." });
  });
});

describe("unsaved changes", () => {
  it("a re-opened definition has the same fingerprint as the draft it was saved from", () => {
    const opened = definitionToDraft(events[5]!);
    const again = definitionToDraft(events[5]!);
    if (!opened.fits || !again.fits) throw new Error("expected fit");
    expect(draftFingerprint(opened.draft)).toBe(draftFingerprint(again.draft));
    const changed: SegmentDraft = { groups: [{ ...again.draft.groups[0]!, conditions: [{ ...(again.draft.groups[0]!.conditions[0] as ConditionDraft & { kind: "event" }), count: "3" }] }] };
    expect(draftFingerprint(changed)).not.toBe(draftFingerprint(opened.draft));
  });
});

describe("editing", () => {
  it("adds groups (AND) and conditions to a group (OR); removing a group's last condition removes the group", () => {
    let draft = addGroup({ groups: [] });
    const groupKey = draft.groups[0]!.key;
    draft = addConditionToGroup(draft, groupKey, newCondition("consent"));
    draft = addGroup(draft, newCondition("property"));
    expect(draft.groups.map((g) => g.conditions.map((c) => c.kind))).toEqual([["unset", "consent"], ["property"]]);
    draft = removeCondition(draft, draft.groups[1]!.conditions[0]!.key);
    expect(draft.groups).toHaveLength(1);
    const unset = draft.groups[0]!.conditions[0]!;
    draft = updateCondition(draft, unset.key, (c) => changeConditionKind(c, "event"));
    expect(draft.groups[0]!.conditions[0]).toMatchObject({ key: unset.key, kind: "event", frequency: "at_least", count: "1", windowKind: "ever" });
  });

  it("keeps a value's type consistent with its operator", () => {
    const base: ValueDraft = { operator: "equals", value: "12", valueType: "number" };
    expect(patchValue(base, { operator: "contains" })).toEqual({ operator: "contains", value: "12", valueType: "text" });
    expect(patchValue(base, { operator: "greater_than" })).toEqual({ operator: "greater_than", value: "12", valueType: "number" });
    expect(patchValue(base, { valueType: "boolean" })).toEqual({ operator: "equals", value: "true", valueType: "boolean" });
    expect(patchValue({ ...base, value: "false", valueType: "boolean" }, { valueType: "text" })).toEqual({ operator: "equals", value: "", valueType: "text" });
  });

  it("\"zero times\" sets the count aside; back to \"at least\" starts at 1", () => {
    const event = { ...newCondition("event"), count: "3" } as EventConditionDraft;
    const zero = withFrequency(event, "zero");
    expect(zero.count).toBe("0");
    expect(withFrequency(zero, "at_least").count).toBe("1");
    expect(withFrequency(zero, "exactly").count).toBe("0");
  });

  it("standard fields compare as text", () => {
    const property = { ...newCondition("property"), operator: "equals", value: "true", valueType: "boolean" } as PropertyConditionDraft;
    expect(withProperty(property, "$first_name")).toMatchObject({ property: "$first_name", valueType: "text", value: "" });
    expect(withProperty(property, "vip")).toMatchObject({ valueType: "boolean", value: "true" });
  });
});
