/**
 * What `npm run bench:scale` builds and measures: one generated brand in its own PostgreSQL
 * database (parley_bench_scale), sized like a large SMS brand. Change a count here and run with
 * --regenerate.
 */
export const scale = {
  profiles: 1_000_000,
  /** Every row of the Event table, whatever its name (the generator fills the rest with texts). */
  events: 20_000_000,
  /** Campaigns over the year, one every 15 days; each goes to about `campaignReach` of the subscribers. */
  campaigns: 24,
  campaignReach: 0.235,
  /** Share of campaign recipients who reply and start a conversation with the agent. */
  campaignReplyRate: 0.03,
  /** Conversations the shoppers start on their own (not a reply to a campaign). */
  organicConversations: 1_300_000,
  /** Orders placed over the year; some follow an agent reply (attributed), most don't. */
  orders: 1_600_000,
  /** How far back the events go. */
  days: 365,
} as const;

export const benchBrand = {
  id: "bench_scale_brand",
  slug: "bench-scale",
  name: "Summit Supply (scale benchmark)",
  smsNumber: "+15550009999",
  timeZone: "America/New_York",
} as const;

export const DEFAULT_BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/parley_bench_scale";
