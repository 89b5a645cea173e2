/**
 * Tenant isolation over every procedure of the appRouter. Two brands, Alpha and Bravo, each with
 * real data of every kind (server/testing/brand-data.ts). Signed in as Alpha, every procedure is
 * called with Bravo's ids (the table below; a procedure missing from it fails the test, so a new
 * procedure must be added here). Each call must be refused (NOT_FOUND / FORBIDDEN / BAD_REQUEST)
 * or answer with nothing of Bravo's, and every Bravo row must be byte-for-byte unchanged after it.
 * Calls that write with a phone number use Bravo's second shopper's number (Alpha may then
 * legitimately hold a profile with it); reads look for Bravo's first shopper, whom Alpha never gets.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb, type Db } from "../db";
import { startWorker, stopWorker } from "../jobs";
import { segmentExamples } from "../segments";
import { seedBrandData, type BrandData } from "../testing/brand-data";

let a: BrandData;
let b: BrandData;

beforeAll(async () => {
  await startWorker();
  a = await seedBrandData(getDb(), "Alpha");
  b = await seedBrandData(getDb(), "Bravo");
  // Nothing runs in the background while Bravo's rows are compared.
  await stopWorker();
}, 120_000);

/** Every row that belongs to a brand (tables with a brandId column, plus the Brand row and its users), as JSON. */
async function brandSnapshot(db: Db, brandId: string): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'brandId' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT to_jsonb(t) AS row FROM "${table_name}" t WHERE "brandId" = $1 ORDER BY id`, brandId);
    out[table_name] = JSON.stringify(rows);
  }
  out.Brand = JSON.stringify(await db.$queryRawUnsafe(`SELECT to_jsonb(t) AS row FROM "Brand" t WHERE id = $1`, brandId));
  out.User = JSON.stringify(await db.$queryRawUnsafe(`SELECT to_jsonb(u) AS row FROM "User" u WHERE id IN (SELECT "userId" FROM "Membership" WHERE "brandId" = $1) ORDER BY id`, brandId));
  return out;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const period = () => ({ from: day(-30), to: day(0) });

/** How Alpha calls each procedure with Bravo's ids. `echoes` lists Bravo values the input itself carries (they may come back). */
type Call = { input: (bravo: BrandData, alpha: BrandData) => unknown; echoes?: (bravo: BrandData) => string[] };
const none: Call = { input: () => undefined };
const calls: Record<string, Call[]> = {
  "brand.current": [none],

  "campaigns.list": [none],
  "campaigns.get": [{ input: (x) => ({ id: x.ids.campaignId }) }],
  "campaigns.audienceCount": [{ input: (x) => ({ segmentIds: [x.ids.segmentId], excludedSegmentIds: [] }), echoes: (x) => [x.ids.segmentId] }],
  "campaigns.preview": [{ input: (x) => ({ body: "Hi {{ first_name }}", profileId: x.ids.profileId }) }],
  "campaigns.create": [{ input: (x) => ({ name: "Alpha poach", body: "Hello", segmentIds: [x.ids.segmentId], excludedSegmentIds: [] }) }],
  "campaigns.update": [
    { input: (x) => ({ id: x.ids.campaignId, name: "hijacked", body: "hijacked", segmentIds: [] }) },
    { input: (x, own) => ({ id: own.ids.campaignId, name: "Alpha spring sale", body: "Alpha: spring sale", segmentIds: [x.ids.segmentId], excludedSegmentIds: [] }) },
  ],
  "campaigns.delete": [{ input: (x) => ({ id: x.ids.campaignId }) }],
  "campaigns.send": [{ input: (x) => ({ id: x.ids.campaignId }) }],
  "campaigns.schedule": [{ input: (x) => ({ id: x.ids.campaignId, at: new Date(Date.now() + 86_400_000) }) }],
  "campaigns.unschedule": [{ input: (x) => ({ id: x.ids.campaignId }) }],
  "campaigns.cancel": [{ input: (x) => ({ id: x.ids.campaignId }) }],
  "campaigns.recipients": [{ input: (x) => ({ id: x.ids.campaignId }) }],
  "campaigns.sendingRate": [none],
  "campaigns.updateSendingRate": [{ input: () => ({ senderType: "toll_free", messagesPerSecond: 3, segmentCostCents: 1 }) }],

  "channels.get": [none],
  // Claiming Bravo's number would route Bravo's shoppers to Alpha.
  "channels.update": [{ input: () => ({ smsNumber: bravoNumber, accountSid: `AC${"1".repeat(32)}`, authToken: "a".repeat(32) }), echoes: () => [bravoNumber] }],
  "channels.sendTest": [{ input: (x) => ({ to: x.otherPhone }), echoes: (x) => [x.otherPhone] }],

  "conversations.list": [{ input: (x) => ({ campaignId: x.ids.campaignId }) }, { input: () => ({ search: "Bravo" }), echoes: () => ["Bravo"] }, { input: (x) => ({ cursor: x.ids.conversationId }) }],
  "conversations.get": [{ input: (x) => ({ id: x.ids.conversationId }) }, { input: (x) => ({ id: x.ids.handedConversationId }) }],
  "conversations.inboundTexts": [{ input: () => ({}) }],
  "conversations.campaignChoices": [none],
  "conversations.awaitingCount": [none],
  "conversations.assign": [{ input: (x) => ({ id: x.ids.handedConversationId }) }],
  "conversations.unassign": [{ input: (x) => ({ id: x.ids.handedConversationId }) }],
  "conversations.reply": [{ input: (x) => ({ id: x.ids.handedConversationId, body: "hijacked reply", idempotencyKey: "alpha-idem-0001" }) }],
  "conversations.addNote": [{ input: (x) => ({ id: x.ids.handedConversationId, body: "hijacked note" }) }],
  "conversations.close": [{ input: (x) => ({ id: x.ids.handedConversationId }) }],
  "conversations.markRead": [{ input: (x) => ({ id: x.ids.conversationId }) }],

  "helpdesk.get": [none],
  "helpdesk.update": [{ input: () => ({ kind: "webhook", config: { url: "https://alpha.example/hook" }, secrets: {} }) }],
  "helpdesk.sendTest": [none],
  "helpdesk.deliveries": [{ input: () => ({ page: 1, pageSize: 100 }) }],
  "helpdesk.generateApiKey": [none],
  "helpdesk.revealSigningSecret": [none],
  "helpdesk.rotateSigningSecret": [none],

  "performance.summary": [{ input: period }],
  "performance.series": [{ input: period }],
  "performance.bySkill": [{ input: period }],
  "performance.byCampaign": [{ input: period }],
  "performance.attributionSettings": [none],
  "performance.updateAttributionSettings": [{ input: () => ({ windowHours: 24, model: "last_touch" }) }],
  "performance.previewOrderImport": [{ input: (x) => ({ csv: `order_number,phone,total,date\n9001,${x.otherPhone},10.00,${day(-1)}\n` }), echoes: (x) => [x.otherPhone] }],
  "performance.importOrders": [{ input: (x) => ({ csv: `order_number,phone,total,date\n9002,${x.otherPhone},10.00,${day(-1)}\n` }), echoes: (x) => [x.otherPhone] }],

  "profiles.list": [{ input: () => ({ search: "Bravo" }), echoes: () => ["Bravo"] }, { input: (x) => ({ search: x.ids.phone.slice(-7) }) }],
  "profiles.get": [{ input: (x) => ({ id: x.ids.profileId }) }],
  "profiles.timeline": [{ input: (x) => ({ id: x.ids.profileId }) }],
  "profiles.previewImport": [{ input: (x) => ({ csv: `phone,first_name\n${x.otherPhone},Mallory\n` }), echoes: (x) => [x.otherPhone] }],
  "profiles.import": [{ input: (x) => ({ csv: `phone,first_name\n${x.otherPhone},Mallory\n` }), echoes: (x) => [x.otherPhone] }],
  "profiles.importStatus": [{ input: (x) => ({ id: x.ids.profileImportId }) }],

  "segments.list": [none],
  "segments.memberCounts": [none],
  "segments.get": [{ input: (x) => ({ id: x.ids.segmentId }) }],
  "segments.examples": [none],
  "segments.preview": [{ input: () => ({ definition: segmentExamples[0]!.definition, limit: 50 }) }, { input: () => ({ definition: { type: "property", key: "first_name", operator: "contains", value: "Bravo" } }), echoes: () => ["Bravo"] }],
  "segments.members": [{ input: (x) => ({ id: x.ids.segmentId }) }],
  "segments.catalog": [none],
  "segments.eventPropertyKeys": [{ input: () => ({ name: "Placed Order" }) }],
  "segments.create": [{ input: () => ({ name: "Alpha new", definition: segmentExamples[0]!.definition }) }],
  "segments.update": [{ input: (x) => ({ id: x.ids.segmentId, name: "hijacked", definition: segmentExamples[0]!.definition }) }],
  "segments.delete": [{ input: (x) => ({ id: x.ids.segmentId }) }],

  "settings.agent": [none],
  "settings.updateAgent": [{ input: () => agentInput }],
  "settings.eligibility": [none],
  "settings.updateEligibility": [{ input: (x) => ({ mode: "segments_in", segmentIds: [x.ids.segmentId], requiredKeywords: [], inboxKeywords: [] }) }],
  "settings.history": [none],
  "settings.compliance": [none],
  "settings.updateCompliance": [{ input: () => ({ helpReply: "Alpha help: reply STOP to opt out.", optOutReply: "Alpha: you are unsubscribed. Reply START to resubscribe.", optInReply: "Alpha: you are subscribed. Reply STOP to opt out." }) }],
  "settings.quietHours": [none],
  "settings.updateQuietHours": [{ input: () => ({ enabled: true, start: 21, end: 8 }) }],
  "settings.marketing": [none],
  "settings.updateMarketing": [{ input: () => ({ conversationStarter: "Alpha here: how can we help?" }) }],
  "settings.restrictedGoods": [none],
  "settings.updateRestrictedGoods": [{ input: () => ({ categories: [] }) }],
  "settings.keywords": [none],
  "settings.createKeyword": [{ input: () => ({ keyword: "ALPHANEW", reply: "Alpha new", action: "none" }) }],
  "settings.updateKeyword": [{ input: (x) => ({ id: x.ids.keywordId, keyword: "HIJACKED", reply: "hijacked", action: "none" }) }],
  "settings.deleteKeyword": [{ input: (x) => ({ id: x.ids.keywordId }) }],

  "simulator.shoppers": [none],
  "simulator.send": [{ input: (x) => ({ from: x.otherPhone, body: "which brand am I?" }), echoes: (x) => [x.otherPhone] }],
  "simulator.thread": [{ input: (x) => ({ phone: x.ids.phone }), echoes: (x) => [x.ids.phone] }],

  "workflows.access": [none],
  "workflows.list": [none],
  "workflows.get": [{ input: (x) => ({ id: x.ids.workflowId }) }],
  "workflows.create": [{ input: (x) => ({ name: "Alpha poach", goal: "lead_capture", keywords: ["quote"], assistantId: x.ids.assistantId }) }],
  "workflows.update": [
    { input: (x) => ({ id: x.ids.workflowId, name: "hijacked", goal: "lead_capture" }) },
    { input: (x, own) => ({ id: own.ids.workflowId, name: "Alpha leads", goal: "lead_capture", keywords: ["quote"], assistantId: x.ids.assistantId }) },
  ],
  "workflows.setActive": [{ input: (x) => ({ id: x.ids.workflowId, isActive: false }) }],
  "workflows.delete": [{ input: (x) => ({ id: x.ids.workflowId }) }],
  "workflows.testMatch": [{ input: () => ({ text: "I want a quote" }) }],
  "workflows.activeForConversation": [{ input: (x) => ({ conversationId: x.ids.conversationId }) }],
  "workflows.assistants": [none],
  "workflows.createAssistant": [{ input: () => ({ name: "Alpha helper" }) }],
  "workflows.updateAssistant": [{ input: (x) => ({ id: x.ids.assistantId, name: "hijacked" }) }],
  "workflows.deleteAssistant": [{ input: (x) => ({ id: x.ids.assistantId }) }],
  "workflows.collections": [none],
  "workflows.records": [{ input: (x) => ({ collection: x.ids.collection }), echoes: (x) => [x.ids.collection] }],
  "workflows.exportCollection": [{ input: (x) => ({ collection: x.ids.collection }), echoes: (x) => [x.ids.collection] }],
};

let bravoNumber = "";
let agentInput: unknown;

/** Values that only Bravo's data contains: its ids, its name, its key, its shoppers' phones. */
function bravoMarkers(x: BrandData): string[] {
  return [x.brandId, "Bravo", x.apiKey, ...Object.values(x.ids), bravoNumber];
}

async function call(caller: BrandData["caller"], path: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: TRPCError }> {
  let node: unknown = caller;
  for (const part of path.split(".")) node = (node as Record<string, unknown>)[part];
  try {
    return { ok: true, value: await (node as (input: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, error };
    throw error;
  }
}

describe("tenant isolation: Alpha calls every procedure with Bravo's ids", () => {
  const paths = Object.keys(appRouter._def.procedures as Record<string, unknown>).sort();

  it("covers every procedure of the router (add new ones to the table)", () => {
    expect(paths.filter((p) => !(p in calls)), "procedures missing from the isolation table").toEqual([]);
    expect(Object.keys(calls).filter((p) => !paths.includes(p)), "table entries for procedures that no longer exist").toEqual([]);
  });

  for (const path of Object.keys(calls).sort()) {
    it(`${path}: refused, or nothing of Bravo's in the answer; Bravo's rows unchanged`, async () => {
      const db = getDb();
      bravoNumber = (await db.brand.findUniqueOrThrow({ where: { id: b.brandId } })).smsNumber;
      agentInput ??= await a.caller.settings.agent().then(({ enabled, brandSummary, tone, customTone, styleRules, escalationRules, handoffMode, closeoutMessage, maxRepliesPerConversation, conversationWindowHours }) => ({ enabled, brandSummary, tone, customTone, styleRules, escalationRules, handoffMode, closeoutMessage, maxRepliesPerConversation, conversationWindowHours }));
      const before = await brandSnapshot(db, b.brandId);
      for (const [i, entry] of calls[path]!.entries()) {
        const input = entry.input(b, a);
        const result = await call(a.caller, path, input);
        if (result.ok) {
          const echoed = new Set(entry.echoes?.(b) ?? []);
          const text = JSON.stringify(result.value) ?? "";
          const leaked = bravoMarkers(b).filter((m) => m && !echoed.has(m) && text.includes(m));
          expect(leaked, `${path} #${i} answered with Bravo's data: ${text.slice(0, 500)}`).toEqual([]);
        } else {
          if (process.env.ISOLATION_VERBOSE) console.log(`[isolation] ${path} #${i}: ${result.error.code} ${result.error.message}`);
          // A refusal must not say whose the thing is either.
          const told = bravoMarkers(b).filter((m) => m && !(entry.echoes?.(b) ?? []).includes(m) && JSON.stringify([result.error.message, (result.error.cause as { fields?: unknown } | undefined)?.fields]).includes(m));
          expect(told, `${path} #${i} refused with Bravo's data in the message: ${result.error.message}`).toEqual([]);
          expect(["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST", "CONFLICT"], `${path} #${i}: ${result.error.code} ${result.error.message}`).toContain(result.error.code);
        }
      }
      const after = await brandSnapshot(db, b.brandId);
      for (const table of Object.keys(before)) expect(after[table], `${path} changed Bravo's ${table} rows`).toBe(before[table]);
    });
  }

  it("Bravo still sees all of its own data afterwards", async () => {
    expect((await b.caller.campaigns.get({ id: b.ids.campaignId })).name).toBe("Bravo spring sale");
    expect((await b.caller.conversations.get({ id: b.ids.handedConversationId })).conversation.id).toBe(b.ids.handedConversationId);
    expect((await b.caller.segments.get({ id: b.ids.segmentId })).name).toBe("Bravo escalated");
    expect((await b.caller.workflows.get({ id: b.ids.workflowId })).name).toBe("Bravo leads");
  });
});

describe("a session with no brand", () => {
  it("is refused by every procedure", async () => {
    const anonymous = createCaller(createApiContext(null));
    for (const path of Object.keys(calls)) {
      const result = await call(anonymous as unknown as BrandData["caller"], path, calls[path]![0]!.input(b, a));
      expect(result.ok ? "ok" : result.error.code, path).toBe("UNAUTHORIZED");
    }
  });
});
