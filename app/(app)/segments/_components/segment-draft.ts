/**
 * The segment builder's values while being edited, and the conversions to and from a segment
 * definition (server/segments/definition.ts). The builder shows a definition as condition groups
 * joined by AND, each group one or more conditions joined by OR:
 *
 *   leaf                      → one group with one condition
 *   or(leaf, …)               → one group
 *   and(leaf | or(leaf, …), …) → one group per child
 *
 * Any other shape (a `not`, deeper nesting, empty groups) does not fit; the editor then shows the
 * saved definition read-only instead of losing part of it. Numbers, counts and days are kept as
 * typed (strings), so an emptied field stays empty and "what is missing" can be said per field.
 * Every list item carries a client-side `key` so inputs keep focus and errors while rows move.
 */
import {
  consentStatuses,
  segmentDefinitionSchema,
  standardProfileFields,
  type ConsentNode,
  type EventNode,
  type SegmentNode,
  type ValueCondition,
  type ValueOperator,
} from "@/server/segments/definition";

export type ValueType = "text" | "number" | "boolean";
export type ConsentStatus = (typeof consentStatuses)[number];
export type Frequency = EventNode["frequency"];
export type WindowKind = EventNode["window"]["kind"];

/** A comparison as typed: `value` is text for every type ("12.5", "true"); unused for is set / is not set. */
export type ValueDraft = { operator: ValueOperator; value: string; valueType: ValueType };
export type FilterDraft = ValueDraft & { key: string; property: string };

export type PropertyConditionDraft = ValueDraft & { key: string; kind: "property"; property: string };
export type ConsentConditionDraft = { key: string; kind: "consent"; operator: ConsentNode["operator"]; status: ConsentStatus };
export type EventConditionDraft = {
  key: string;
  kind: "event";
  name: string;
  frequency: Frequency;
  count: string;
  windowKind: WindowKind;
  days: string;
  filters: FilterDraft[];
};
/** A condition just added, before its type is chosen. */
export type UnsetConditionDraft = { key: string; kind: "unset" };

export type ConditionDraft = PropertyConditionDraft | ConsentConditionDraft | EventConditionDraft | UnsetConditionDraft;
export type ConditionKind = ConditionDraft["kind"];
export type GroupDraft = { key: string; conditions: ConditionDraft[] };
export type SegmentDraft = { groups: GroupDraft[] };

/** Something to finish or fix before the draft is a definition; `field` is a field id (see below). */
export type DraftIssue = { field: string; message: string };

export const MAX_FILTERS = 5;

export const conditionKindLabels: Record<Exclude<ConditionKind, "unset">, string> = {
  event: "What someone has done (or not done)",
  property: "Properties about someone",
  consent: "If someone is or is not subscribed",
};

export const operatorLabels: Record<ValueOperator, string> = {
  equals: "equals",
  not_equals: "doesn't equal",
  contains: "contains",
  not_contains: "doesn't contain",
  exists: "is set",
  not_exists: "is not set",
  greater_than: "is greater than",
  less_than: "is less than",
};

export const valueTypeLabels: Record<ValueType, string> = { text: "Text", number: "Number", boolean: "True / false" };

export const frequencyLabels: Record<Frequency, string> = { at_least: "at least", exactly: "exactly", zero: "zero times" };

export const consentOperatorLabels: Record<ConsentNode["operator"], string> = { is: "is", is_not: "is not" };

export const consentStatusLabels: Record<ConsentStatus, string> = {
  subscribed: "subscribed",
  unsubscribed: "unsubscribed",
  never_subscribed: "never subscribed",
};

/** Operators that compare against a value, and which value types they take. */
export function operatorNeedsValue(operator: ValueOperator): boolean {
  return operator !== "exists" && operator !== "not_exists";
}

export function valueTypesFor(operator: ValueOperator): ValueType[] {
  switch (operator) {
    case "equals":
    case "not_equals":
      return ["text", "number", "boolean"];
    case "contains":
    case "not_contains":
      return ["text"];
    case "greater_than":
    case "less_than":
      return ["number"];
    case "exists":
    case "not_exists":
      return ["text"];
  }
}

/** After an operator change, the value type it allows (kept when still allowed). */
export function valueTypeAfterOperator(operator: ValueOperator, current: ValueType): ValueType {
  const allowed = valueTypesFor(operator);
  return allowed.includes(current) ? current : allowed[0]!;
}

export function isStandardField(key: string): boolean {
  return Object.hasOwn(standardProfileFields, key.trim());
}

// ---------------------------------------------------------------------------------------------
// Field ids: where an issue or a server error is shown. `<conditionKey>.<field>`, and for event
// property filters `<conditionKey>.filters.<filterKey>.<field>`; "conditions" for the whole draft.

export type ConditionField = "kind" | "property" | "operator" | "value" | "valueType" | "status" | "name" | "frequency" | "count" | "window" | "days" | "condition";
export type FilterField = "property" | "operator" | "value" | "valueType" | "filter";

export function conditionFieldId(conditionKey: string, field: ConditionField): string {
  return `${conditionKey}.${field}`;
}

export function filterFieldId(conditionKey: string, filterKey: string, field: FilterField): string {
  return `${conditionKey}.filters.${filterKey}.${field}`;
}

export const WHOLE_DRAFT = "conditions";

// ---------------------------------------------------------------------------------------------
// New items

let lastKey = 0;
/** A key for a new item, unique for the life of the page. */
export function newKey(prefix: string): string {
  lastKey += 1;
  return `${prefix}${lastKey}`;
}

export function emptyDraft(): SegmentDraft {
  return { groups: [] };
}

export function newGroup(condition: ConditionDraft = newCondition("unset")): GroupDraft {
  return { key: newKey("g"), conditions: [condition] };
}

/** A condition of a kind with sensible starting values (an event: at least once, over all time). */
export function newCondition(kind: ConditionKind, key = newKey("c")): ConditionDraft {
  switch (kind) {
    case "unset":
      return { key, kind };
    case "event":
      return { key, kind, name: "", frequency: "at_least", count: "1", windowKind: "ever", days: "30", filters: [] };
    case "property":
      return { key, kind, property: "", operator: "equals", value: "", valueType: "text" };
    case "consent":
      return { key, kind, operator: "is", status: "subscribed" };
  }
}

export function newFilter(): FilterDraft {
  return { key: newKey("f"), property: "", operator: "equals", value: "", valueType: "text" };
}

// ---------------------------------------------------------------------------------------------
// Editing: immutable updates the builder applies

/** Adds a group (joined to the others by AND) holding one condition whose type is still to choose. */
export function addGroup(draft: SegmentDraft, condition: ConditionDraft = newCondition("unset")): SegmentDraft {
  return { groups: [...draft.groups, newGroup(condition)] };
}

/** Adds a condition to a group (joined to the group's others by OR). */
export function addConditionToGroup(draft: SegmentDraft, groupKey: string, condition: ConditionDraft = newCondition("unset")): SegmentDraft {
  return { groups: draft.groups.map((g) => (g.key === groupKey ? { ...g, conditions: [...g.conditions, condition] } : g)) };
}

export function updateCondition(draft: SegmentDraft, conditionKey: string, update: (condition: ConditionDraft) => ConditionDraft): SegmentDraft {
  return { groups: draft.groups.map((g) => ({ ...g, conditions: g.conditions.map((c) => (c.key === conditionKey ? update(c) : c)) })) };
}

/** Removes a condition; a group left with none goes too. */
export function removeCondition(draft: SegmentDraft, conditionKey: string): SegmentDraft {
  return {
    groups: draft.groups
      .map((g) => ({ ...g, conditions: g.conditions.filter((c) => c.key !== conditionKey) }))
      .filter((g) => g.conditions.length > 0),
  };
}

/** The condition as another kind, with that kind's starting values (the same key, so focus stays). */
export function changeConditionKind(condition: ConditionDraft, kind: ConditionKind): ConditionDraft {
  return condition.kind === kind ? condition : newCondition(kind, condition.key);
}

/** A value comparison after one of its parts changed, keeping the parts consistent. */
export function patchValue<T extends ValueDraft>(current: T, patch: Partial<ValueDraft>): T {
  const next = { ...current, ...patch };
  if (patch.operator) next.valueType = valueTypeAfterOperator(patch.operator, next.valueType);
  if (next.valueType === "boolean" && next.value !== "true" && next.value !== "false") next.value = "true";
  if (patch.valueType && patch.valueType !== "boolean" && (current.value === "true" || current.value === "false") && current.valueType === "boolean") next.value = "";
  return next;
}

/** A property condition after its key changed: standard fields ($email…) hold text only. */
export function withProperty(condition: PropertyConditionDraft, property: string): PropertyConditionDraft {
  const next = { ...condition, property };
  if (isStandardField(property) && next.valueType !== "text" && valueTypesFor(next.operator).includes("text")) return patchValue(next, { valueType: "text" });
  return next;
}

/** An event condition after its frequency changed: "zero times" needs no count; "at least" needs one. */
export function withFrequency(condition: EventConditionDraft, frequency: Frequency): EventConditionDraft {
  if (frequency === condition.frequency) return condition;
  if (frequency === "zero") return { ...condition, frequency, count: "0" };
  if (frequency === "at_least" && (condition.count.trim() === "" || condition.count.trim() === "0")) return { ...condition, frequency, count: "1" };
  return { ...condition, frequency };
}

// ---------------------------------------------------------------------------------------------
// Definition → draft

export type DraftFromDefinition = { fits: true; draft: SegmentDraft } | { fits: false; reason: string };

function isLeaf(node: SegmentNode): node is Extract<SegmentNode, { type: "property" | "consent" | "event" }> {
  return node.type === "property" || node.type === "consent" || node.type === "event";
}

function valueDraftOf(condition: ValueCondition): ValueDraft {
  if (condition.operator === "exists" || condition.operator === "not_exists") return { operator: condition.operator, value: "", valueType: "text" };
  const value = condition.value;
  const valueType: ValueType = typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "text";
  return { operator: condition.operator, value: String(value), valueType };
}

function conditionOf(node: Extract<SegmentNode, { type: "property" | "consent" | "event" }>): ConditionDraft {
  const key = newKey("c");
  switch (node.type) {
    case "consent":
      return { key, kind: "consent", operator: node.operator, status: node.status };
    case "property": {
      const { type: _type, key: property, ...condition } = node;
      return { key, kind: "property", property, ...valueDraftOf(condition as ValueCondition) };
    }
    case "event":
      return {
        key,
        kind: "event",
        name: node.name,
        frequency: node.frequency,
        count: String(node.count),
        windowKind: node.window.kind,
        days: node.window.kind === "last_days" ? String(node.window.days) : "30",
        filters: (node.where ?? []).map((filter) => {
          const { key: property, ...condition } = filter;
          return { key: newKey("f"), property, ...valueDraftOf(condition as ValueCondition) };
        }),
      };
  }
}

function groupOf(node: SegmentNode): GroupDraft | null {
  if (isLeaf(node)) return { key: newKey("g"), conditions: [conditionOf(node)] };
  if (node.type === "or" && node.children.length > 0 && node.children.every(isLeaf)) {
    return { key: newKey("g"), conditions: node.children.map((child) => conditionOf(child as Extract<SegmentNode, { type: "property" | "consent" | "event" }>)) };
  }
  return null;
}

const DOES_NOT_FIT = "The builder shows conditions as groups joined by AND, each group one or more conditions joined by OR; this definition is shaped differently";

/** The draft for a saved definition, or why the builder can't show it without losing part of it. */
export function definitionToDraft(definition: SegmentNode): DraftFromDefinition {
  const single = groupOf(definition);
  if (single) return { fits: true, draft: { groups: [single] } };
  if (definition.type === "and" && definition.children.length > 0) {
    const groups = definition.children.map(groupOf);
    if (groups.every((g): g is GroupDraft => g !== null)) return { fits: true, draft: { groups } };
  }
  const detail =
    definition.type === "not" || containsNot(definition)
      ? " (it uses NOT around a condition or group)."
      : definition.type === "and" && definition.children.length === 0
        ? " (it has no conditions, so it matches everyone)."
        : " (its groups are nested more deeply).";
  return { fits: false, reason: DOES_NOT_FIT + detail };
}

function containsNot(node: SegmentNode): boolean {
  if (node.type === "not") return true;
  if (node.type === "and" || node.type === "or") return node.children.some(containsNot);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Draft → definition

/** Where one condition sits in the definition ("children.1.children.0", "" for the root). */
export type ConditionPath = { path: string; conditionKey: string; filterKeys: string[] };

export type DraftToDefinition =
  | { status: "complete"; definition: SegmentNode; paths: ConditionPath[] }
  | { status: "incomplete"; issues: DraftIssue[] };

const WHOLE_NUMBER = /^\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

function valueConditionOf(draft: ValueDraft, fieldOf: (field: "property" | "operator" | "value") => string, issues: DraftIssue[]): ValueCondition | null {
  const { operator } = draft;
  switch (operator) {
    case "exists":
    case "not_exists":
      return { operator };
    case "contains":
    case "not_contains":
      if (draft.value === "") {
        issues.push({ field: fieldOf("value"), message: "Enter the text to look for." });
        return null;
      }
      return { operator, value: draft.value };
    case "greater_than":
    case "less_than": {
      const n = parseNumber(draft.value);
      if (n === null) {
        issues.push({ field: fieldOf("value"), message: draft.value.trim() ? "Enter a number, like 3 or 12.5." : "Enter a number." });
        return null;
      }
      return { operator, value: n };
    }
    case "equals":
    case "not_equals":
      switch (draft.valueType) {
        case "text":
          if (draft.value === "") {
            issues.push({ field: fieldOf("value"), message: "Enter a value." });
            return null;
          }
          return { operator, value: draft.value };
        case "number": {
          const n = parseNumber(draft.value);
          if (n === null) {
            issues.push({ field: fieldOf("value"), message: draft.value.trim() ? "Enter a number, like 3 or 12.5." : "Enter a number." });
            return null;
          }
          return { operator, value: n };
        }
        case "boolean":
          if (draft.value !== "true" && draft.value !== "false") {
            issues.push({ field: fieldOf("value"), message: "Choose true or false." });
            return null;
          }
          return { operator, value: draft.value === "true" };
      }
  }
}

function leafOf(condition: ConditionDraft, issues: DraftIssue[]): SegmentNode | null {
  const field = (f: ConditionField) => conditionFieldId(condition.key, f);
  switch (condition.kind) {
    case "unset":
      issues.push({ field: field("kind"), message: "Choose what kind of condition this is." });
      return null;
    case "consent":
      return { type: "consent", operator: condition.operator, status: condition.status };
    case "property": {
      const property = condition.property.trim();
      if (!property) issues.push({ field: field("property"), message: "Choose a property." });
      const value = valueConditionOf(condition, field, issues);
      if (!property || !value) return null;
      return { type: "property", key: property, ...value };
    }
    case "event": {
      let isComplete = true;
      const name = condition.name.trim();
      if (!name) {
        issues.push({ field: field("name"), message: "Choose an event." });
        isComplete = false;
      }
      let count = 0;
      if (condition.frequency === "zero") {
        // "Zero times" ignores the count; a saved one is kept as it was.
        count = WHOLE_NUMBER.test(condition.count.trim()) ? Number(condition.count.trim()) : 0;
      } else if (WHOLE_NUMBER.test(condition.count.trim())) {
        count = Number(condition.count.trim());
      } else {
        issues.push({ field: field("count"), message: condition.count.trim() ? "Enter how many times as a whole number." : "Enter how many times." });
        isComplete = false;
      }
      let window: EventNode["window"] = { kind: "ever" };
      if (condition.windowKind === "last_days") {
        if (WHOLE_NUMBER.test(condition.days.trim())) window = { kind: "last_days", days: Number(condition.days.trim()) };
        else {
          issues.push({ field: field("days"), message: condition.days.trim() ? "Enter the number of days as a whole number." : "Enter the number of days." });
          isComplete = false;
        }
      }
      const where: EventNode["where"] = [];
      for (const filter of condition.filters) {
        const filterField = (f: FilterField) => filterFieldId(condition.key, filter.key, f);
        const property = filter.property.trim();
        if (!property) issues.push({ field: filterField("property"), message: "Choose an event property." });
        const value = valueConditionOf(filter, filterField, issues);
        if (!property || !value) isComplete = false;
        else where.push({ key: property, ...value });
      }
      if (!isComplete) return null;
      return { type: "event", name, frequency: condition.frequency, count, window, where };
    }
  }
}

/**
 * The definition a draft stands for, in its simplest shape (one condition → the condition; one
 * group → its `or`; else `and` of groups), or everything still missing. Complete also means the
 * definition passes the same schema the server checks, so a save fails only for server-side
 * reasons (a duplicate name); schema messages are placed on the condition they are about.
 */
export function draftToDefinition(draft: SegmentDraft): DraftToDefinition {
  const issues: DraftIssue[] = [];
  const groups = draft.groups.filter((g) => g.conditions.length > 0);
  if (groups.length === 0) return { status: "incomplete", issues: [{ field: WHOLE_DRAFT, message: "Add a condition to say who is in this segment." }] };

  const paths: ConditionPath[] = [];
  const pathOf = (gi: number, ci: number) => {
    const group = groups[gi]!;
    const groupPath = groups.length === 1 ? "" : `children.${gi}`;
    if (group.conditions.length === 1) return groupPath;
    return groupPath ? `${groupPath}.children.${ci}` : `children.${ci}`;
  };

  const nodes = groups.map((group, gi) => {
    const leaves = group.conditions.map((condition, ci) => {
      const leaf = leafOf(condition, issues);
      paths.push({ path: pathOf(gi, ci), conditionKey: condition.key, filterKeys: condition.kind === "event" ? condition.filters.map((f) => f.key) : [] });
      return leaf;
    });
    if (leaves.some((leaf) => leaf === null)) return null;
    return leaves.length === 1 ? leaves[0]! : ({ type: "or", children: leaves as SegmentNode[] } satisfies SegmentNode);
  });
  if (issues.length > 0 || nodes.some((n) => n === null)) return { status: "incomplete", issues };

  const definition: SegmentNode = nodes.length === 1 ? nodes[0]! : { type: "and", children: nodes as SegmentNode[] };
  const checked = segmentDefinitionSchema.safeParse(definition);
  if (!checked.success) {
    const errors: Record<string, string> = {};
    for (const issue of checked.error.issues) errors[["definition", ...issue.path.map(String)].join(".")] ??= issue.message;
    const placed = placeDefinitionErrors(errors, paths);
    return {
      status: "incomplete",
      issues: [...Object.entries(placed.fields).map(([field, message]) => ({ field, message })), ...placed.unplaced.map((message) => ({ field: WHOLE_DRAFT, message }))],
    };
  }
  return { status: "complete", definition: checked.data, paths };
}

const conditionFieldOfKey: Record<string, ConditionField> = {
  type: "kind",
  key: "property",
  operator: "operator",
  value: "value",
  status: "status",
  name: "name",
  frequency: "frequency",
  count: "count",
  window: "days",
  "window.days": "days",
  "window.kind": "days",
};
const filterFieldOfKey: Record<string, FilterField> = { key: "property", operator: "operator", value: "value" };

/**
 * The server's field errors for a definition ("definition.children.0.count", keyed as
 * parseSegmentDefinition reports them), placed on the conditions of the draft that was sent.
 * Messages about no one condition (too many conditions in all) come back as `unplaced`.
 */
export function placeDefinitionErrors(errors: Record<string, string>, paths: ConditionPath[], prefix = "definition"): { fields: Record<string, string>; unplaced: string[] } {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [errorKey, message] of Object.entries(errors)) {
    if (errorKey !== prefix && !errorKey.startsWith(`${prefix}.`)) continue;
    const rel = errorKey === prefix ? "" : errorKey.slice(prefix.length + 1);
    // The deepest condition whose path the error is under (the root condition's path is "").
    const owner = paths
      .filter((p) => rel === p.path || p.path === "" || rel.startsWith(`${p.path}.`))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!owner || (owner.path === "" && paths.length > 1)) {
      unplaced.push(message);
      continue;
    }
    const rest = owner.path === "" ? rel : rel.slice(owner.path.length + 1);
    let field: string;
    const where = /^where\.(\d+)(?:\.(.+))?$/.exec(rest);
    if (where) {
      const filterKey = owner.filterKeys[Number(where[1])];
      field = filterKey
        ? filterFieldId(owner.conditionKey, filterKey, filterFieldOfKey[where[2] ?? ""] ?? "filter")
        : conditionFieldId(owner.conditionKey, "condition");
    } else {
      field = conditionFieldId(owner.conditionKey, conditionFieldOfKey[rest] ?? "condition");
    }
    fields[field] ??= message;
  }
  return { fields, unplaced };
}

// ---------------------------------------------------------------------------------------------
// Comparing drafts

/** The draft without its client-side keys, for "are there unsaved changes?". */
export function draftFingerprint(draft: SegmentDraft): string {
  return JSON.stringify(
    draft.groups.map((g) =>
      g.conditions.map((c) => {
        const { key: _key, ...rest } = c;
        if (rest.kind === "event") return { ...rest, filters: rest.filters.map(({ key: _k, ...f }) => f) };
        return rest;
      }),
    ),
  );
}

/** The draft's issues by field id, the first message per field. */
export function issuesByField(issues: DraftIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out;
}
