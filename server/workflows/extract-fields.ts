/**
 * Reads the fields a workflow collects (name, email, phone, company, or any named field) out of a
 * shopper's text, deterministically and offline, so every model — the built-in one included —
 * collects the same way. Explicit forms are read anywhere ("my name is Pat", an email address);
 * a bare answer ("Pat Rivera") is read only as the field the agent just asked for.
 */
import { normalizePhone } from "../sms";

export type FieldKind = "name" | "first_name" | "last_name" | "email" | "phone" | "company" | "other";

export function kindOfField(field: string): FieldKind {
  if (field === "first_name") return "first_name";
  if (field === "last_name") return "last_name";
  if (/^(name|full_name|your_name|contact_name|customer_name)$/.test(field)) return "name";
  if (/email/.test(field)) return "email";
  if (/phone|mobile|cell/.test(field)) return "phone";
  if (/company|business|organi[sz]ation|employer/.test(field)) return "company";
  return "other";
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;
// 10+ digits with the separators people type; shorter numbers ("20 units", "#1001") are not phones.
const PHONE = /(?:\+\d[\d\s().-]{8,18}\d|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})/;

/** Words that follow "I'm" or start a reply without being a name ("I'm interested", "sure"). */
const notName = new Set(
  (
    "interested looking wondering trying not just here a an the good fine ok okay sorry happy ready in on so very really still having " +
    "getting going available urgent asking texting calling back new yes yeah yep no nope sure hi hello hey thanks thank you please " +
    "want need would like can could will with from about at for to and or but what why how when where who which is are was were " +
    "interested glad excited curious planning hoping thinking looking"
  ).split(" "),
);

const LEAD_IN = /^(?:(?:sure|yes|yeah|yep|ok(?:ay)?|hi|hey|hello|of course)[,!.\s]+)*(?:(?:my name is|my name's|name is|name's|the name is|this is|it is|it's|its|i am|i'm|im|call me|they call me)\s+)?/i;

function titleCaseIfLower(value: string): string {
  return value === value.toLowerCase() ? value.replace(/(^|[\s'-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase()) : value;
}

/** 1–4 words of letters (with ' - .), not a stop word: what a name looks like in a text. */
function asName(candidate: string): string | null {
  const cleaned = candidate.replace(/[!?,;:]+$/g, "").replace(/\.$/, "").trim();
  const words = cleaned.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4 || cleaned.length > 60) return null;
  if (!words.every((w) => /^[\p{L}][\p{L}'’.-]*$/u.test(w))) return null;
  if (notName.has(words[0]!.toLowerCase())) return null;
  return titleCaseIfLower(cleaned);
}

/** "my name is Pat Rivera and …" → "Pat Rivera"; "I'm Pat" only when it looks like a name (capitalised, or when asked). */
function explicitName(text: string, isAsked: boolean): string | null {
  const strong = text.match(/\b(?:my name is|my name's|name is|name's|name:|call me)\s+([^,.;!?\n]+)/i);
  const weak = text.match(/\b(?:this is|i am|i'm|im|it's|its)\s+([^,.;!?\n]+)/i);
  for (const [m, isStrong] of [
    [strong, true],
    [weak, false],
  ] as const) {
    if (!m) continue;
    const words = m[1]!.trim().split(/\s+/);
    // Stop at the first joining word: "Pat Rivera and I'd like a quote" → "Pat Rivera".
    const stop = words.findIndex((w, i) => i > 0 && /^(and|from|at|with|but|here|i|im|i'm|my|we|looking|interested|by|the)$/i.test(w));
    const name = asName(words.slice(0, stop > 0 ? stop : 4).join(" "));
    if (!name) continue;
    if (isStrong || isAsked || /^\p{Lu}/u.test(m[1]!.trim())) return name;
  }
  return null;
}

function explicitCompany(text: string): string | null {
  const m = text.match(/\b(?:i work (?:at|for)|i'm (?:with|at)|i am (?:with|at)|company is|company's|company name is|company:|we are|we're)\s+([^,.;!?\n]+)/i);
  if (!m) return null;
  const value = m[1]!.trim().split(/\s+/).slice(0, 6).join(" ");
  return value && !notName.has(value.split(" ")[0]!.toLowerCase()) ? value : null;
}

/** "budget is $5k", "zip: 97201": a named field stated outright. */
function explicitOther(text: string, field: string): string | null {
  const words = field.replace(/_/g, "[\\s_-]?");
  // A comma inside a number ("$5,000") is not the end of the value.
  const m = text.match(new RegExp(`\\b${words}\\s*(?:is|:|=|would be|of)\\s*((?:[^,;!?\\n]|,(?=\\d))+)`, "i"));
  return m ? m[1]!.trim().replace(/\.$/, "").slice(0, 200) || null : null;
}

/** The text without what other fields took (email, phone), for reading a bare answer. */
function remainder(text: string): string {
  return text.replace(new RegExp(EMAIL.source, "gi"), " ").replace(new RegExp(PHONE.source, "g"), " ").replace(/\s+/g, " ").replace(/^[\s,;.-]+|[\s,;-]+$/g, "").trim();
}

export type ExtractOptions = {
  /** The field the agent asked for in its last reply: a bare answer is read as this field. */
  asking?: string | null;
};

/** The requested fields found in the text, by field name; fields not found are absent. */
export function extractFields(text: string, fields: readonly string[], opts: ExtractOptions = {}): Record<string, string> {
  const found: Record<string, string> = {};
  const rest = remainder(text);
  // A question back ("what's the price?") is not an answer.
  const isBareAnswer = rest.length > 0 && rest.length <= 120 && !/\?\s*$/.test(rest);
  for (const field of fields) {
    const isAsked = opts.asking === field;
    const bare = isAsked && isBareAnswer ? rest.replace(LEAD_IN, "").trim() : "";
    let value: string | null = null;
    switch (kindOfField(field)) {
      case "email":
        value = text.match(EMAIL)?.[0]?.toLowerCase() ?? null;
        break;
      case "phone": {
        const m = text.match(PHONE);
        value = m ? normalizePhone(m[0]) : null;
        break;
      }
      case "name":
      case "first_name":
      case "last_name": {
        const name = explicitName(text, isAsked) ?? (bare ? asName(bare) : null);
        if (!name) break;
        const parts = name.split(/\s+/);
        const kind = kindOfField(field);
        value = kind === "first_name" ? parts[0]! : kind === "last_name" ? (parts.length > 1 ? parts.slice(1).join(" ") : parts[0]!) : name;
        break;
      }
      case "company":
        value = explicitCompany(text) ?? (bare && bare.split(/\s+/).length <= 6 && !notName.has(bare.split(/\s+/)[0]!.toLowerCase()) ? bare.replace(/[.!]+$/, "") : null);
        break;
      case "other":
        value = explicitOther(text, field) ?? (bare ? bare.replace(/[.!]+$/, "") : null);
        break;
    }
    if (value) found[field] = value.slice(0, 200);
  }
  return found;
}

/**
 * What storing collected fields changes on a profile: name → first / last name, email → email,
 * everything else (phone included: the profile's own number is its key) → properties.
 */
export function profileChangesFor(fields: Record<string, string>, current: { properties: unknown }) {
  const properties: Record<string, unknown> = current.properties && typeof current.properties === "object" && !Array.isArray(current.properties) ? { ...(current.properties as Record<string, unknown>) } : {};
  const changes: { firstName?: string; lastName?: string; email?: string; properties: Record<string, unknown> } = { properties };
  for (const [field, value] of Object.entries(fields)) {
    switch (kindOfField(field)) {
      case "name": {
        const [first, ...last] = value.split(/\s+/);
        changes.firstName = first;
        if (last.length) changes.lastName = last.join(" ");
        break;
      }
      case "first_name":
        changes.firstName = value;
        break;
      case "last_name":
        changes.lastName = value;
        break;
      case "email":
        changes.email = value;
        break;
      default:
        properties[field] = value;
    }
  }
  return changes;
}
