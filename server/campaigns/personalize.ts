/**
 * Campaign personalisation: Liquid-style tags in a campaign's body, filled in per shopper.
 *
 *   {{ first_name }}                      the shopper's first name, or nothing
 *   {{ first_name | default: "there" }}   …or "there" when the profile has no first name
 *
 * Tags: first_name, last_name, brand_name. Straight or curly quotes both work around the fallback
 * (phones and Macs curl quotes as people type). Pure: no I/O, also used by the compose page.
 */

export const personalizationTags = ["first_name", "last_name", "brand_name"] as const;
export type PersonalizationTag = (typeof personalizationTags)[number];

export type PersonalizationValues = Partial<Record<PersonalizationTag, string | null | undefined>>;

export type TemplatePart = { type: "text"; text: string } | { type: "tag"; tag: PersonalizationTag; fallback: string | null; source: string };

export type TemplateIssue = { source: string; message: string };

const TAG = /\{\{([\s\S]*?)\}\}/g;
const INSIDE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*([A-Za-z_]+)\s*(?::\s*(?:"([^"]*)"|'([^']*)'|“([^”]*)”|‘([^’]*)’))?\s*)?$/;

/** Splits a body into text and tags, with a marketer-readable message for each tag Parley can't fill. */
export function parseTemplate(body: string): { parts: TemplatePart[]; issues: TemplateIssue[] } {
  const parts: TemplatePart[] = [];
  const issues: TemplateIssue[] = [];
  let last = 0;
  for (const match of body.matchAll(TAG)) {
    const index = match.index;
    if (index > last) parts.push({ type: "text", text: body.slice(last, index) });
    last = index + match[0].length;
    const source = match[0];
    const inside = INSIDE.exec(match[1] ?? "");
    if (!inside) {
      issues.push({ source, message: `${source} isn’t a tag Parley understands. Write it like {{ first_name | default: "there" }}.` });
      parts.push({ type: "text", text: source });
      continue;
    }
    const [, name, filter, ...quoted] = inside;
    if (!personalizationTags.includes(name as PersonalizationTag)) {
      issues.push({ source, message: `${source}: there is no “${name}”. Use ${personalizationTags.join(", ")}.` });
      parts.push({ type: "text", text: source });
      continue;
    }
    if (filter !== undefined && filter !== "default") {
      issues.push({ source, message: `${source}: the only filter is default, as in {{ ${name} | default: "there" }}.` });
      parts.push({ type: "text", text: source });
      continue;
    }
    const fallback = quoted.find((q) => q !== undefined);
    if (filter === "default" && fallback === undefined) {
      issues.push({ source, message: `${source}: put the fallback in quotes, as in {{ ${name} | default: "there" }}.` });
      parts.push({ type: "text", text: source });
      continue;
    }
    parts.push({ type: "tag", tag: name as PersonalizationTag, fallback: fallback ?? null, source });
  }
  if (last < body.length) parts.push({ type: "text", text: body.slice(last) });
  // A lone "{{" with no "}}" is almost always a tag someone didn't finish.
  const tail = body.slice(last);
  if (tail.includes("{{")) issues.push({ source: "{{", message: "A tag is missing its closing }}." });
  return { parts, issues };
}

/** The body with every tag filled in: the shopper's value, else the fallback, else nothing. */
export function personalize(body: string, values: PersonalizationValues): string {
  return parseTemplate(body)
    .parts.map((part) => {
      if (part.type === "text") return part.text;
      const value = values[part.tag]?.trim();
      return value ? value : (part.fallback ?? "");
    })
    .join("");
}

/** Whether the body uses any tag (a preview per shopper is only interesting then). */
export function hasPersonalization(body: string): boolean {
  return parseTemplate(body).parts.some((p) => p.type === "tag");
}
