/**
 * One settings-history entry in words: "Tone: Friendly → Playful" for each field that changed.
 * Entries store only the changed fields (before and after), as JSON.
 */
export type SettingsArea = "agent" | "eligibility" | "compliance" | "keywords" | "marketing" | "channels" | "brand" | "helpdesk" | "attribution" | "commerce" | "members";

export const areaLabels: Record<SettingsArea, string> = {
  agent: "Customer agent",
  eligibility: "Who can chat",
  compliance: "Compliance",
  keywords: "Keyword automations",
  marketing: "Marketing",
  channels: "Channels",
  brand: "Brand eligibility",
  helpdesk: "Helpdesk",
  attribution: "SMS attribution",
  commerce: "Commerce",
  members: "Members",
};

export function areaLabelOf(area: string): string {
  return area in areaLabels ? areaLabels[area as SettingsArea] : area;
}

const fieldLabels: Record<SettingsArea, Record<string, string>> = {
  agent: {
    enabled: "Customer agent",
    brandSummary: "Brand summary",
    tone: "Tone",
    customTone: "Custom tone",
    styleRules: "Communication-style rules",
    escalationRules: "Escalation rules",
    handoffMode: "When the agent hands off",
    closeoutMessage: "Closeout message",
    maxRepliesPerConversation: "Agent replies per conversation",
    conversationWindowHours: "Conversation window (hours)",
  },
  eligibility: { mode: "Who can chat", segments: "Segments", requiredKeywords: "Keywords that start a conversation", inboxKeywords: "Keywords that go to the inbox" },
  compliance: {
    helpReply: "HELP reply",
    optOutReply: "Opt-out confirmation (STOP)",
    optInReply: "Opt-in confirmation (START)",
    quietHoursEnabled: "Quiet hours",
    quietHoursStart: "Send campaigns from",
    quietHoursEnd: "Send campaigns until",
  },
  keywords: { keyword: "Keyword", reply: "Reply", action: "Action", propertyKey: "Property", propertyValue: "Value", isActive: "Active" },
  marketing: { conversationStarter: "Conversation starter" },
  // The auth token is recorded only as its last four characters ("••••1a2b").
  channels: { smsNumber: "SMS number", accountSid: "Twilio Account SID", authToken: "Twilio auth token", senderType: "Kind of number", messagesPerSecond: "Texts per second", segmentCostCents: "Price per SMS segment (cents)" },
  brand: { restrictedGoods: "Restricted goods sold", agentEnabled: "Customer agent" },
  // Secrets are recorded only as their last four characters ("••••1a2b").
  helpdesk: {
    kind: "Helpdesk",
    url: "Webhook URL",
    signingSecret: "Webhook signing secret",
    baseUrl: "API address",
    queueId: "Kustomer queue",
    inboxId: "Front inbox",
    aiTeammateId: "Front AI teammate",
    email: "Account email",
    apiKey: "Helpdesk API key",
    apiToken: "Helpdesk API token",
    appSecret: "Front app signing secret",
    publicApiKey: "Parley API key",
  },
  attribution: { attributionWindowHours: "Attribution window", attributionModel: "Attribution model" },
  commerce: { platform: "Store", shopDomain: "Shop address", accessToken: "Admin API access token", webhookSecret: "Webhook signing secret" },
  // Keyed by the person's email; the values are words already ("Admin", "invited as Member", "removed").
  members: {},
};

// Fields stored as something other than words: a null that means something, an hour of the day.
const nullLabels: Partial<Record<string, string>> = {
  "compliance.helpReply": "Parley’s default",
  "compliance.optOutReply": "Parley’s default",
  "compliance.optInReply": "Parley’s default",
  "channels.accountSid": "none (built-in simulator)",
  "channels.authToken": "none",
  "helpdesk.publicApiKey": "none",
  "commerce.shopDomain": "none",
  "commerce.accessToken": "none",
  "commerce.webhookSecret": "none",
};
const hourFields = new Set(["quietHoursStart", "quietHoursEnd"]);
/** 24 → "24 hours", 168 → "7 days" (the attribution window, as the form words it). */
const windowText = (hours: number) => (hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : hours === 1 ? "1 hour" : `${hours} hours`);

/** 8 → "8am", 21 → "9pm". */
function hourText(hour: number): string {
  return `${hour % 12 === 0 ? 12 : hour % 12}${hour < 12 ? "am" : "pm"}`;
}

// Stored codes that don't read as words, shown as the words the form uses. Tone ("friendly") and
// handoff mode ("inbox", "closeout") read well as they are.
const valueLabels: Record<string, Record<string, string>> = {
  action: { none: "Reply only", subscribe: "Subscribe to SMS", set_property: "Set a profile property" },
  mode: { everyone: "Everyone", segments_in: "Only members of chosen segments", segments_out: "Everyone except chosen segments" },
  kind: { none: "Built-in inbox only", webhook: "Generic webhook", kustomer: "Kustomer", front: "Front", zendesk: "Zendesk", gorgias: "Gorgias" },
  attributionModel: { last_touch: "Last touch" },
  platform: { builtin: "Built-in store", shopify: "Shopify" },
  senderType: { long_code: "Long code", toll_free: "Toll-free", short_code: "Short code" },
  restrictedGoods: { sex: "Sex or adult content", hate: "Hate", alcohol: "Alcohol", firearms: "Firearms", tobacco: "Tobacco, vaping or cannabis" },
};

export const MAX_VALUE_LENGTH = 60;

export type ValueText = { text: string; full: string; isTruncated: boolean; isEmpty: boolean };

function shorten(full: string, max: number): ValueText {
  const isTruncated = full.length > max;
  return { text: isTruncated ? `${full.slice(0, max - 1).trimEnd()}…` : full, full, isTruncated, isEmpty: false };
}

const empty = (text: string): ValueText => ({ text, full: text, isTruncated: false, isEmpty: true });

/** A stored value for a table cell: words for codes and on/off, long text and JSON cut short (the full value for hovering). */
export function valueText(area: string, key: string, value: unknown, max = MAX_VALUE_LENGTH): ValueText {
  // A compliance text stored as null follows Parley's default text; no Account SID means the simulator.
  if (value === null || value === undefined) return empty(nullLabels[`${area}.${key}`] ?? "none");
  if (typeof value === "boolean") return { text: value ? "on" : "off", full: value ? "on" : "off", isTruncated: false, isEmpty: false };
  if (typeof value === "number" && hourFields.has(key)) return shorten(hourText(value), max);
  if (typeof value === "number" && key === "attributionWindowHours") return shorten(windowText(value), max);
  if (typeof value === "number") return shorten(new Intl.NumberFormat("en-US").format(value), max);
  if (typeof value === "string") {
    if (value === "") return empty("empty");
    const label = valueLabels[key]?.[value];
    return shorten(label ?? value.replace(/\s+/g, " "), max);
  }
  if (Array.isArray(value) && value.length === 0) return empty("none");
  // Lists of words (keywords, categories) read as a list, with codes in the form's words.
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return shorten((value as string[]).map((item) => valueLabels[key]?.[item] ?? item).join(", "), max);
  }
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    json = String(value);
  }
  return shorten(json, max);
}

/** `before` is null when the entry records something new (a keyword added), which has no "before". */
export type FieldChange = { key: string; label: string; before: ValueText | null; after: ValueText };

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * One line per key of `after`, in the order the form shows the fields (the database keeps JSON
 * keys in its own order). For a keyword automation that was added, only the fields that have a value.
 */
export function fieldChangesOf(entry: { area: string; before: unknown; after: unknown }): FieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const labels = fieldLabels[entry.area as SettingsArea] ?? {};
  const order = Object.keys(labels);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  // A keyword automation that was added has no "before": the entry stores null for each field.
  const isNew = entry.area === "keywords" && Object.values(before).every((value) => value === null || value === undefined);
  return Object.keys(after)
    .filter((key) => !isNew || (after[key] !== null && after[key] !== ""))
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => ({
      key,
      label: labels[key] ?? key,
      before: isNew ? null : valueText(entry.area, key, before[key]),
      after: valueText(entry.area, key, after[key]),
    }));
}
