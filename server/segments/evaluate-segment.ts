/**
 * The evaluator: is one profile in a segment? Pure over a profile and its events, so the pipeline's
 * eligibility stage asks it per text and the agreement test can compare it with the SQL compiler.
 */
import { assertNever, isStandardProfileField, lowerAscii, standardProfileFields, type EventNode, type SegmentNode, type ValueCondition } from "./definition";

export type SegmentSubject = {
  profile: {
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    phone: string;
    properties: unknown;
    smsConsent: string;
  };
  /** The profile's events; only names the definition mentions matter (see eventConditionsIn). */
  events: { name: string; properties: unknown; occurredAt: Date }[];
};

const DAY_MS = 86_400_000;

export function evaluateSegment(node: SegmentNode, subject: SegmentSubject, now: Date): boolean {
  switch (node.type) {
    case "and":
      return node.children.every((c) => evaluateSegment(c, subject, now));
    case "or":
      return node.children.some((c) => evaluateSegment(c, subject, now));
    case "not":
      return !evaluateSegment(node.child, subject, now);
    case "consent":
      return (subject.profile.smsConsent === node.status) === (node.operator === "is");
    case "property":
      return matchesValue(profileValue(subject.profile, node.key), node);
    case "event":
      return matchesFrequency(node, countMatchingEvents(node, subject.events, now));
    default:
      return assertNever(node);
  }
}

function profileValue(profile: SegmentSubject["profile"], key: string): unknown {
  if (isStandardProfileField(key)) return profile[standardProfileFields[key]] ?? undefined;
  return propertyOf(profile.properties, key);
}

function propertyOf(properties: unknown, key: string): unknown {
  if (properties === null || typeof properties !== "object" || Array.isArray(properties)) return undefined;
  return Object.prototype.hasOwnProperty.call(properties, key) ? (properties as Record<string, unknown>)[key] : undefined;
}

/** One comparison, in the shared semantics documented in definition.ts. */
export function matchesValue(value: unknown, condition: ValueCondition): boolean {
  switch (condition.operator) {
    case "exists":
      return value !== undefined && value !== null;
    case "not_exists":
      return !matchesValue(value, { operator: "exists" });
    case "equals": {
      const expected = condition.value;
      if (typeof expected === "string") return typeof value === "string" && lowerAscii(value) === lowerAscii(expected);
      return typeof value === typeof expected && value === expected;
    }
    case "not_equals":
      return !matchesValue(value, { operator: "equals", value: condition.value });
    case "contains":
      return typeof value === "string" && lowerAscii(value).includes(lowerAscii(condition.value));
    case "not_contains":
      return !matchesValue(value, { operator: "contains", value: condition.value });
    case "greater_than":
      return typeof value === "number" && value > condition.value;
    case "less_than":
      return typeof value === "number" && value < condition.value;
    default:
      return assertNever(condition);
  }
}

export function windowStart(node: EventNode, now: Date): Date | null {
  return node.window.kind === "ever" ? null : new Date(now.getTime() - node.window.days * DAY_MS);
}

function countMatchingEvents(node: EventNode, events: SegmentSubject["events"], now: Date): number {
  const since = windowStart(node, now);
  return events.filter(
    (e) =>
      e.name === node.name &&
      (since === null || e.occurredAt.getTime() >= since.getTime()) &&
      node.where.every((f) => matchesValue(propertyOf(e.properties, f.key), f)),
  ).length;
}

function matchesFrequency(node: EventNode, count: number): boolean {
  switch (node.frequency) {
    case "zero":
      return count === 0;
    case "exactly":
      return count === node.count;
    case "at_least":
      return count >= node.count;
    default:
      return assertNever(node.frequency);
  }
}
