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
import { createApiContext, type ProcedureMeta } from "../api/trpc";
import { memberRoles, roleRefusal } from "../auth/roles";
import { getDb, type Db, type MemberRole } from "../db";
import { startWorker, stopWorker } from "../jobs";
import { segmentExamples } from "../segments";
import { seedBrandData, type BrandData } from "../testing/brand-data";
import { createMember } from "../testing/fixtures";

let a: BrandData;
let b: BrandData;

beforeAll(async () => {
  await startWorker();
  a = await seedBrandData(getDb(), "Alpha");
  b = await seedBrandData(getDb(), "Bravo");
  bravoMembershipId = (await getDb().membership.findFirstOrThrow({ where: { brandId: b.brandId } })).id;
  bravoInvitationId = (await b.caller.team.invite({ email: "bravo-invitee@example.com", role: "admin" })).invitation.id;
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
/** One procedure: the least role that may call it (the role column), and how to call it. */
type Row = { role: MemberRole; calls: Call[] };
const none: Call = { input: () => undefined };
const member = (...calls: Call[]): Row => ({ role: "member", calls });
const admin = (...calls: Call[]): Row => ({ role: "admin", calls });
const owner = (...calls: Call[]): Row => ({ role: "owner", calls });
const table: Record<string, Row> = {
  "brand.current": member(none),

  "campaigns.list": member(none),
  "campaigns.get": member({ input: (x) => ({ id: x.ids.campaignId }) }),
  "campaigns.audienceCount": member({ input: (x) => ({ segmentIds: [x.ids.segmentId], excludedSegmentIds: [] }), echoes: (x) => [x.ids.segmentId] }),
  "campaigns.preview": member({ input: (x) => ({ body: "Hi {{ first_name }}", profileId: x.ids.profileId }) }),
  "campaigns.create": admin({ input: (x) => ({ name: "Alpha poach", body: "Hello", segmentIds: [x.ids.segmentId], excludedSegmentIds: [] }) }),
  "campaigns.update": admin(
    { input: (x) => ({ id: x.ids.campaignId, name: "hijacked", body: "hijacked", segmentIds: [] }) },
    { input: (x, own) => ({ id: own.ids.campaignId, name: "Alpha spring sale", body: "Alpha: spring sale", segmentIds: [x.ids.segmentId], excludedSegmentIds: [] }) },
  ),
  "campaigns.delete": admin({ input: (x) => ({ id: x.ids.campaignId }) }),
  "campaigns.send": admin({ input: (x) => ({ id: x.ids.campaignId }) }),
  "campaigns.schedule": admin({ input: (x) => ({ id: x.ids.campaignId, at: new Date(Date.now() + 86_400_000) }) }),
  "campaigns.unschedule": admin({ input: (x) => ({ id: x.ids.campaignId }) }),
  "campaigns.cancel": admin({ input: (x) => ({ id: x.ids.campaignId }) }),
  "campaigns.recipients": member({ input: (x) => ({ id: x.ids.campaignId }) }),
  "campaigns.sendingRate": member(none),
  "campaigns.updateSendingRate": admin({ input: () => ({ senderType: "toll_free", messagesPerSecond: 3, segmentCostCents: 1 }) }),

  "channels.get": member(none),
  // Claiming Bravo's number would route Bravo's shoppers to Alpha.
  "channels.update": owner({ input: () => ({ smsNumber: bravoNumber, accountSid: `AC${"1".repeat(32)}`, authToken: "a".repeat(32) }), echoes: () => [bravoNumber] }),
  "channels.sendTest": owner({ input: (x) => ({ to: x.otherPhone }), echoes: (x) => [x.otherPhone] }),
  "commerce.get": member(none),
  // Alpha names Bravo's shop: the token is required again, and nothing of Bravo's is read.
  "commerce.update": owner({ input: () => ({ platform: "shopify", shopDomain: "bravo-shop.myshopify.com", accessToken: "", webhookSecret: "" }) }),

  "conversations.list": member({ input: (x) => ({ campaignId: x.ids.campaignId }) }, { input: () => ({ search: "Bravo" }), echoes: () => ["Bravo"] }, { input: (x) => ({ cursor: x.ids.conversationId }) }),
  "conversations.get": member({ input: (x) => ({ id: x.ids.conversationId }) }, { input: (x) => ({ id: x.ids.handedConversationId }) }),
  "conversations.inboundTexts": member({ input: () => ({}) }),
  "conversations.campaignChoices": member(none),
  "conversations.awaitingCount": member(none),
  "conversations.assign": member({ input: (x) => ({ id: x.ids.handedConversationId }) }),
  "conversations.unassign": member({ input: (x) => ({ id: x.ids.handedConversationId }) }),
  "conversations.reply": member({ input: (x) => ({ id: x.ids.handedConversationId, body: "hijacked reply", idempotencyKey: "alpha-idem-0001" }) }),
  "conversations.addNote": member({ input: (x) => ({ id: x.ids.handedConversationId, body: "hijacked note" }) }),
  "conversations.close": member({ input: (x) => ({ id: x.ids.handedConversationId }) }),
  "conversations.markRead": member({ input: (x) => ({ id: x.ids.conversationId }) }),

  "helpdesk.get": member(none),
  "helpdesk.update": owner({ input: () => ({ kind: "webhook", config: { url: "https://alpha.example/hook" }, secrets: {} }) }),
  "helpdesk.sendTest": owner(none),
  "helpdesk.deliveries": member({ input: () => ({ page: 1, pageSize: 100 }) }),
  "helpdesk.generateApiKey": owner(none),
  "helpdesk.revealSigningSecret": owner(none),
  "helpdesk.rotateSigningSecret": owner(none),

  "performance.summary": member({ input: period }),
  "performance.series": member({ input: period }),
  "performance.bySkill": member({ input: period }),
  "performance.byCampaign": member({ input: period }),
  "performance.attributionSettings": member(none),
  "performance.updateAttributionSettings": admin({ input: () => ({ windowHours: 24, model: "last_touch" }) }),
  "performance.previewOrderImport": admin({ input: (x) => ({ csv: `order_number,phone,total,date\n9001,${x.otherPhone},10.00,${day(-1)}\n` }), echoes: (x) => [x.otherPhone] }),
  "performance.importOrders": admin({ input: (x) => ({ csv: `order_number,phone,total,date\n9002,${x.otherPhone},10.00,${day(-1)}\n` }), echoes: (x) => [x.otherPhone] }),

  "profiles.list": member({ input: () => ({ search: "Bravo" }), echoes: () => ["Bravo"] }, { input: (x) => ({ search: x.ids.phone.slice(-7) }) }),
  "profiles.get": member({ input: (x) => ({ id: x.ids.profileId }) }),
  "profiles.timeline": member({ input: (x) => ({ id: x.ids.profileId }) }),
  "profiles.previewImport": admin({ input: (x) => ({ csv: `phone,first_name\n${x.otherPhone},Mallory\n` }), echoes: (x) => [x.otherPhone] }),
  "profiles.import": admin({ input: (x) => ({ csv: `phone,first_name\n${x.otherPhone},Mallory\n` }), echoes: (x) => [x.otherPhone] }),
  "profiles.importStatus": member({ input: (x) => ({ id: x.ids.profileImportId }) }),

  "segments.list": member(none),
  "segments.memberCounts": member(none),
  "segments.get": member({ input: (x) => ({ id: x.ids.segmentId }) }),
  "segments.examples": member(none),
  "segments.preview": member({ input: () => ({ definition: segmentExamples[0]!.definition, limit: 50 }) }, { input: () => ({ definition: { type: "property", key: "first_name", operator: "contains", value: "Bravo" } }), echoes: () => ["Bravo"] }),
  "segments.members": member({ input: (x) => ({ id: x.ids.segmentId }) }),
  "segments.catalog": member(none),
  "segments.eventPropertyKeys": member({ input: () => ({ name: "Placed Order" }) }),
  "segments.create": admin({ input: () => ({ name: "Alpha new", definition: segmentExamples[0]!.definition }) }),
  "segments.update": admin({ input: (x) => ({ id: x.ids.segmentId, name: "hijacked", definition: segmentExamples[0]!.definition }) }),
  "segments.delete": admin({ input: (x) => ({ id: x.ids.segmentId }) }),

  "settings.agent": member(none),
  "settings.updateAgent": admin({ input: () => agentInput }),
  "settings.eligibility": member(none),
  "settings.updateEligibility": admin({ input: (x) => ({ mode: "segments_in", segmentIds: [x.ids.segmentId], requiredKeywords: [], inboxKeywords: [] }) }),
  "settings.history": member(none),
  "settings.compliance": member(none),
  "settings.updateCompliance": admin({ input: () => ({ helpReply: "Alpha help: reply STOP to opt out.", optOutReply: "Alpha: you are unsubscribed. Reply START to resubscribe.", optInReply: "Alpha: you are subscribed. Reply STOP to opt out." }) }),
  "settings.quietHours": member(none),
  "settings.updateQuietHours": admin({ input: () => ({ enabled: true, start: 21, end: 8 }) }),
  "settings.marketing": member(none),
  "settings.updateMarketing": admin({ input: () => ({ conversationStarter: "Alpha here: how can we help?" }) }),
  "settings.restrictedGoods": member(none),
  "settings.updateRestrictedGoods": admin({ input: () => ({ categories: [] }) }),
  "settings.keywords": member(none),
  "settings.createKeyword": admin({ input: () => ({ keyword: "ALPHANEW", reply: "Alpha new", action: "none" }) }),
  "settings.updateKeyword": admin({ input: (x) => ({ id: x.ids.keywordId, keyword: "HIJACKED", reply: "hijacked", action: "none" }) }),
  "settings.deleteKeyword": admin({ input: (x) => ({ id: x.ids.keywordId }) }),

  "simulator.shoppers": member(none),
  "simulator.send": member({ input: (x) => ({ from: x.otherPhone, body: "which brand am I?" }), echoes: (x) => [x.otherPhone] }),
  "simulator.thread": member({ input: (x) => ({ phone: x.ids.phone }), echoes: (x) => [x.ids.phone] }),

  "team.list": member(none),
  // Bravo's owner's email: refused without naming Bravo (one brand per account).
  "team.invite": owner({ input: (x) => ({ email: x.member.email, role: "owner" }), echoes: (x) => [x.member.email] }, { input: () => ({ email: "bravo-invitee@example.com", role: "member" }) }),
  "team.changeRole": owner({ input: () => ({ memberId: bravoMembershipId, role: "member" }) }, { input: () => ({ memberId: bravoMembershipId, role: "owner" }) }),
  "team.remove": owner({ input: () => ({ memberId: bravoMembershipId }) }),
  "team.revokeInvitation": owner({ input: () => ({ invitationId: bravoInvitationId }) }),

  "workflows.access": member(none),
  "workflows.list": member(none),
  "workflows.get": member({ input: (x) => ({ id: x.ids.workflowId }) }),
  "workflows.create": admin({ input: (x) => ({ name: "Alpha poach", goal: "lead_capture", keywords: ["quote"], assistantId: x.ids.assistantId }) }),
  "workflows.update": admin(
    { input: (x) => ({ id: x.ids.workflowId, name: "hijacked", goal: "lead_capture" }) },
    { input: (x, own) => ({ id: own.ids.workflowId, name: "Alpha leads", goal: "lead_capture", keywords: ["quote"], assistantId: x.ids.assistantId }) },
  ),
  "workflows.setActive": admin({ input: (x) => ({ id: x.ids.workflowId, isActive: false }) }),
  "workflows.delete": admin({ input: (x) => ({ id: x.ids.workflowId }) }),
  "workflows.testMatch": member({ input: () => ({ text: "I want a quote" }) }),
  "workflows.activeForConversation": member({ input: (x) => ({ conversationId: x.ids.conversationId }) }),
  "workflows.assistants": member(none),
  "workflows.createAssistant": admin({ input: () => ({ name: "Alpha helper" }) }),
  "workflows.updateAssistant": admin({ input: (x) => ({ id: x.ids.assistantId, name: "hijacked" }) }),
  "workflows.deleteAssistant": admin({ input: (x) => ({ id: x.ids.assistantId }) }),
  "workflows.collections": member(none),
  "workflows.records": member({ input: (x) => ({ collection: x.ids.collection }), echoes: (x) => [x.ids.collection] }),
  "workflows.exportCollection": member({ input: (x) => ({ collection: x.ids.collection }), echoes: (x) => [x.ids.collection] }),
};

let bravoNumber = "";
let bravoMembershipId = "";
let bravoInvitationId = "";
let agentInput: unknown;

/** Values some inputs need from the database: Bravo's number, Alpha's agent settings as saved. */
async function loadInputValues(db: Db) {
  bravoNumber = (await db.brand.findUniqueOrThrow({ where: { id: b.brandId } })).smsNumber;
  agentInput ??= await a.caller.settings.agent().then(({ enabled, brandSummary, tone, customTone, styleRules, escalationRules, handoffMode, closeoutMessage, maxRepliesPerConversation, conversationWindowHours }) => ({ enabled, brandSummary, tone, customTone, styleRules, escalationRules, handoffMode, closeoutMessage, maxRepliesPerConversation, conversationWindowHours }));
}

/** Values that only Bravo's data contains: its ids, its name, its key, its shoppers' phones. */
function bravoMarkers(x: BrandData): string[] {
  return [x.brandId, "Bravo", x.apiKey, ...Object.values(x.ids), bravoNumber, bravoMembershipId, bravoInvitationId, x.member.email];
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
    expect(paths.filter((p) => !(p in table)), "procedures missing from the isolation table").toEqual([]);
    expect(Object.keys(table).filter((p) => !paths.includes(p)), "table entries for procedures that no longer exist").toEqual([]);
  });

  for (const path of Object.keys(table).sort()) {
    it(`${path}: refused, or nothing of Bravo's in the answer; Bravo's rows unchanged`, async () => {
      const db = getDb();
      await loadInputValues(db);
      const before = await brandSnapshot(db, b.brandId);
      for (const [i, entry] of table[path]!.calls.entries()) {
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

/**
 * Roles, on Alpha's own data: for every procedure, each role below the one the table names is
 * refused with FORBIDDEN (naming the role needed) and changes none of Alpha's rows; the role
 * named is not refused. The table's role must be the one the procedure declares in its meta.
 */
describe("roles: every procedure declares its role and refuses the roles below it", () => {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;
  const callers = {} as Record<MemberRole, BrandData["caller"]>;

  beforeAll(async () => {
    const db = getDb();
    callers.owner = a.caller;
    callers.admin = createCaller(createApiContext(await createMember(db, a.brandId, undefined, "admin")));
    callers.member = createCaller(createApiContext(await createMember(db, a.brandId, undefined, "member")));
  });

  it("every procedure declares a role, and it is the table's", () => {
    const declared = Object.fromEntries(Object.entries(procedures).map(([path, procedure]) => [path, procedure._def.meta?.role ?? "(none)"]));
    expect(Object.keys(declared).filter((path) => declared[path] === "(none)"), "procedures that declare no role").toEqual([]);
    expect(declared).toEqual(Object.fromEntries(Object.entries(table).map(([path, row]) => [path, row.role])));
  });

  for (const path of Object.keys(table).sort()) {
    const needed = table[path]!.role;
    const lower = memberRoles.slice(0, memberRoles.indexOf(needed));
    it(`${path}: needs ${needed}${lower.length ? `; ${lower.join(" and ")} refused, nothing changed` : ""}`, async () => {
      const db = getDb();
      await loadInputValues(db);
      for (const [i, entry] of table[path]!.calls.entries()) {
        const input = entry.input(a, a);
        if (lower.length) {
          const before = await brandSnapshot(db, a.brandId);
          for (const role of lower) {
            const result = await call(callers[role], path, input);
            expect(result.ok ? "answered" : result.error.code, `${path} #${i} as ${role}`).toBe("FORBIDDEN");
            if (!result.ok) expect(result.error.message).toBe(roleRefusal(needed));
          }
          const after = await brandSnapshot(db, a.brandId);
          for (const table of Object.keys(before)) expect(after[table], `${path} #${i} by a lower role changed Alpha's ${table} rows`).toBe(before[table]);
        }
        const allowed = await call(callers[needed], path, input);
        expect(allowed.ok ? "answered" : `${allowed.error.code} ${allowed.error.message}`, `${path} #${i} as ${needed}`).not.toMatch(/^FORBIDDEN/);
      }
    });
  }
});

describe("a session with no brand", () => {
  it("is refused by every procedure", async () => {
    const anonymous = createCaller(createApiContext(null));
    for (const path of Object.keys(table)) {
      const result = await call(anonymous as unknown as BrandData["caller"], path, table[path]!.calls[0]!.input(b, a));
      expect(result.ok ? "ok" : result.error.code, path).toBe("UNAUTHORIZED");
    }
  });
});
