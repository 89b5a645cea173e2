/**
 * A segment is data: a typed tree of conditions. compile-segment-sql.ts turns it into SQL for counts
 * and audiences; evaluate-segment.ts answers "is this profile in?". Both switch exhaustively on
 * `type`, and segment-agreement.integration.test.ts holds them equal on generated cases.
 *
 * Semantics both sides share (keep them in sync):
 * - Text comparisons ignore the case of ASCII letters only (A–Z), so every database locale agrees.
 * - `equals` with a string matches string values; with a number, number values; with a boolean, booleans.
 * - `greater_than` / `less_than` match number values only. `exists` means present and not null.
 * - Standard fields ($first_name, $last_name, $email, $phone) are strings or absent.
 * - Event windows count events with occurredAt ≥ now − days; "ever" counts them all.
 * - An empty `and` is true, an empty `or` false.
 */
import { z } from "zod";

export const standardProfileFields = {
  $first_name: "firstName",
  $last_name: "lastName",
  $email: "email",
  $phone: "phone",
} as const;
export type StandardProfileField = keyof typeof standardProfileFields;

const MAX_KEY = 100;
const MAX_TEXT = 500;

/** Whether `key` is one of the standard fields (an own key: `constructor` is not a standard field). */
export function isStandardProfileField(key: string): key is StandardProfileField {
  return Object.hasOwn(standardProfileFields, key);
}

// Names every JavaScript object answers to: a property called "constructor" or "__proto__" reads
// as the object's own machinery in code that forgets an own-property check.
const RESERVED_PROPERTY_KEYS = new Set(["__proto__", "constructor", "prototype", ...Object.getOwnPropertyNames(Object.prototype)]);

/** Whether a property name is refused because plain objects already have it (`constructor`, `toString`, …). */
export function isReservedPropertyKey(key: string): boolean {
  return RESERVED_PROPERTY_KEYS.has(key);
}

/** Property names: custom keys of letters, digits, `_`, `-`, `.`, space; or one of the standard fields. */
export const propertyKeySchema = z
  .string()
  .trim()
  .min(1, "Choose a property.")
  .max(MAX_KEY, `A property name can be at most ${MAX_KEY} characters.`)
  .regex(/^\$?[\p{L}\p{N}_\-. ]+$/u, "A property name uses letters, digits, spaces, _ - and . only.")
  .refine((k) => !isReservedPropertyKey(k), { error: (issue) => `"${String(issue.input)}" is a reserved name; choose another property name.` })
  .refine((k) => !k.startsWith("$") || isStandardProfileField(k), "Unknown standard field.");

const scalarSchema = z.union([z.string().max(MAX_TEXT), z.number().finite(), z.boolean()]);

/** A comparison on one value (a profile property or an event property). */
export const valueConditionSchema = z.discriminatedUnion("operator", [
  z.object({ operator: z.literal("equals"), value: scalarSchema }),
  z.object({ operator: z.literal("not_equals"), value: scalarSchema }),
  z.object({ operator: z.literal("contains"), value: z.string().max(MAX_TEXT) }),
  z.object({ operator: z.literal("not_contains"), value: z.string().max(MAX_TEXT) }),
  z.object({ operator: z.literal("exists") }),
  z.object({ operator: z.literal("not_exists") }),
  z.object({ operator: z.literal("greater_than"), value: z.number().finite() }),
  z.object({ operator: z.literal("less_than"), value: z.number().finite() }),
]);
export type ValueCondition = z.infer<typeof valueConditionSchema>;
export type ValueOperator = ValueCondition["operator"];
export const valueOperators = ["equals", "not_equals", "contains", "not_contains", "exists", "not_exists", "greater_than", "less_than"] as const satisfies readonly ValueOperator[];

export const propertyNodeSchema = z.intersection(
  z.object({ type: z.literal("property"), key: propertyKeySchema }),
  valueConditionSchema,
);
export type PropertyNode = z.infer<typeof propertyNodeSchema>;

export const consentStatuses = ["subscribed", "unsubscribed", "never_subscribed"] as const;
export const consentNodeSchema = z.object({
  type: z.literal("consent"),
  operator: z.enum(["is", "is_not"]),
  status: z.enum(consentStatuses),
});
export type ConsentNode = z.infer<typeof consentNodeSchema>;

export const MAX_WINDOW_DAYS = 3650;
export const eventWindowSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ever") }),
  z.object({
    kind: z.literal("last_days"),
    days: z.number().int("Days are whole numbers.").min(1, "At least 1 day.").max(MAX_WINDOW_DAYS, `At most ${MAX_WINDOW_DAYS} days.`),
  }),
]);
export type EventWindow = z.infer<typeof eventWindowSchema>;

export const eventPropertyFilterSchema = z.intersection(z.object({ key: propertyKeySchema.refine((k) => !k.startsWith("$"), "Event properties have no standard fields.") }), valueConditionSchema);
export type EventPropertyFilter = z.infer<typeof eventPropertyFilterSchema>;

export const MAX_EVENT_COUNT = 1000;
export const eventNodeSchema = z.object({
  type: z.literal("event"),
  name: z.string().trim().min(1, "Choose an event.").max(200),
  /** at_least N (N ≥ 1), exactly N (N ≥ 0), or zero times. */
  frequency: z.enum(["at_least", "exactly", "zero"]),
  count: z.number().int("Counts are whole numbers.").min(0).max(MAX_EVENT_COUNT, `At most ${MAX_EVENT_COUNT}.`),
  window: eventWindowSchema,
  where: z.array(eventPropertyFilterSchema).max(5, "At most 5 event property filters.").default([]),
});
export type EventNode = z.infer<typeof eventNodeSchema>;

export type SegmentNode =
  | PropertyNode
  | ConsentNode
  | EventNode
  | { type: "and"; children: SegmentNode[] }
  | { type: "or"; children: SegmentNode[] }
  | { type: "not"; child: SegmentNode };

export const MAX_DEPTH = 6;
export const MAX_CONDITIONS = 40;
/** Conditions and groups together: empty groups count, so a tree of empty `or`s can't grow unbounded. */
export const MAX_NODES = 200;
/** The definition as JSON, in characters (a 40-condition segment is a few kilobytes). */
export const MAX_DEFINITION_CHARS = 64 * 1024;

const segmentNodeTreeSchema: z.ZodType<SegmentNode> = z.lazy(() =>
  z.union([
    propertyNodeSchema,
    consentNodeSchema,
    eventNodeSchema,
    z.object({ type: z.literal("and"), children: z.array(segmentNodeTreeSchema) }),
    z.object({ type: z.literal("or"), children: z.array(segmentNodeTreeSchema) }),
    z.object({ type: z.literal("not"), child: segmentNodeTreeSchema }),
  ]),
) as z.ZodType<SegmentNode>;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Why a would-be definition is too big to look at, or null. Runs before the recursive schema, so it
 * is iterative and stops at the first limit crossed: a 5 MB tree of empty groups or one nested 1,400
 * deep is refused after a few hundred steps, without recursion and without building anything.
 */
export function definitionSizeProblem(value: unknown): string | null {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    // Twice the documented depth: the schema's own check then names the condition that is too deep.
    if (depth > 2 * MAX_DEPTH) return `Conditions can be nested at most ${MAX_DEPTH} deep.`;
    if (++nodes > MAX_NODES) return `A segment can have at most ${MAX_NODES} conditions and groups together.`;
    if (!isRecord(node)) continue; // the schema says what is wrong with it
    if ((node.type === "and" || node.type === "or") && Array.isArray(node.children)) {
      if (nodes + node.children.length > MAX_NODES) return `A segment can have at most ${MAX_NODES} conditions and groups together.`;
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
    } else if (node.type === "not") {
      stack.push({ node: node.child, depth: depth + 1 });
    }
  }
  let chars: number;
  try {
    chars = JSON.stringify(value)?.length ?? 0;
  } catch {
    // Nested too deep inside a condition's value to serialise at all.
    chars = Infinity;
  }
  if (chars > MAX_DEFINITION_CHARS) return `This segment is too large to save (at most ${MAX_DEFINITION_CHARS / 1024} KB). Remove some conditions.`;
  return null;
}

/**
 * One segment node, size-checked first (see definitionSizeProblem) so the recursive schema below
 * only ever sees a small tree: depth, nodes and JSON size are bounded before it recurses.
 */
export const segmentNodeSchema: z.ZodType<SegmentNode> = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = definitionSizeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: [] });
  })
  .pipe(segmentNodeTreeSchema) as unknown as z.ZodType<SegmentNode>;

/** A stored definition: well-formed, not too deep or large, and with sensible event counts. */
export const segmentDefinitionSchema = segmentNodeSchema.superRefine((node, ctx) => {
  let conditions = 0;
  const walk = (n: SegmentNode, depth: number, path: (string | number)[]) => {
    if (depth > MAX_DEPTH) ctx.addIssue({ code: "custom", message: `Conditions can be nested at most ${MAX_DEPTH} deep.`, path });
    switch (n.type) {
      case "and":
      case "or":
        n.children.forEach((c, i) => walk(c, depth + 1, [...path, "children", i]));
        return;
      case "not":
        walk(n.child, depth + 1, [...path, "child"]);
        return;
      case "event":
        conditions++;
        if (n.frequency === "at_least" && n.count < 1) ctx.addIssue({ code: "custom", message: "\"At least\" needs a count of 1 or more.", path: [...path, "count"] });
        return;
      case "property":
      case "consent":
        conditions++;
        return;
      default:
        return assertNever(n);
    }
  };
  walk(node, 0, []);
  if (conditions > MAX_CONDITIONS) ctx.addIssue({ code: "custom", message: `A segment can have at most ${MAX_CONDITIONS} conditions; it has ${conditions}.`, path: [] });
});

export function assertNever(x: never): never {
  throw new Error(`Unhandled segment node: ${JSON.stringify(x)}`);
}

/** Every event condition in a definition, in order (the evaluator only looks at these events). */
export function eventConditionsIn(node: SegmentNode): EventNode[] {
  const found: EventNode[] = [];
  const walk = (n: SegmentNode): void => {
    switch (n.type) {
      case "and":
      case "or":
        n.children.forEach(walk);
        return;
      case "not":
        walk(n.child);
        return;
      case "event":
        found.push(n);
        return;
      case "property":
      case "consent":
        return;
      default:
        assertNever(n);
    }
  };
  walk(node);
  return found;
}

/** Lower-cases ASCII letters only; PostgreSQL does the same with translate() (see lowerAsciiSql). */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
