/**
 * A brand with real data of every kind, made through the same entry points the product uses
 * (tRPC procedures, the simulator's pipeline): shoppers, conversations (one handed off), a note,
 * a segment, a campaign, an assistant, a workflow with a saved record, a keyword automation, a
 * helpdesk connection with an API key. Needs the queue worker running (simulateText waits for it).
 */
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import type { Db } from "../db";
import { segmentExamples } from "../segments";
import { simulateText } from "../simulator";
import { createBrand, createMember, createShopper } from "./fixtures";

export type BrandData = Awaited<ReturnType<typeof seedBrandData>>;

export async function seedBrandData(db: Db, name: string) {
  // No Twilio credentials: replies go through the built-in simulator transport.
  const brand = await createBrand(db, { name });
  await db.brand.update({ where: { id: brand.id }, data: { hasSmsPlan: true, smsWorkflowsEnabled: true } });
  const member = await createMember(db, brand.id);
  const caller = createCaller(createApiContext(member));
  const shopper = await createShopper(db, brand.id, { firstName: `${name} Shopper` });
  const other = await createShopper(db, brand.id, { firstName: `${name} Other` });

  const chat = await simulateText(db, { brandId: brand.id, from: shopper.phone, body: `where is my order, ${name}?` });
  const handed = await simulateText(db, { brandId: brand.id, from: other.phone, body: "can I talk to a real person please" });
  const conversationId = chat.conversationId!;
  const handedConversationId = handed.conversationId!;
  await caller.conversations.addNote({ id: handedConversationId, body: `${name} private note` });

  const segment = await caller.segments.create({ name: `${name} escalated`, description: `${name} segment`, definition: segmentExamples[0]!.definition });
  const campaign = await caller.campaigns.create({ name: `${name} spring sale`, body: `${name}: spring sale starts now`, segmentIds: [segment.id] });
  const assistant = await caller.workflows.createAssistant({ name: `${name} assistant`, instructions: `${name} instructions` });
  const workflow = await caller.workflows.create({ name: `${name} leads`, goal: "lead_capture", keywords: ["quote"], assistantId: assistant.id, isActive: true });
  const collection = `${name.toLowerCase()}-leads`;
  await db.workflowRecord.create({ data: { brandId: brand.id, workflowId: workflow.id, collection, profileId: shopper.id, conversationId, data: { email: `${name.toLowerCase()}@example.com` } } });
  const keyword = await caller.settings.createKeyword({ keyword: `${name.toUpperCase()}VIP`, reply: `${name} VIP list`, action: "none" });
  await caller.helpdesk.update({ kind: "webhook", config: { url: "https://helpdesk.example/hook" }, secrets: {} });
  const { apiKey } = await caller.helpdesk.generateApiKey();
  const ticket = await db.handoffTicket.findUniqueOrThrow({ where: { conversationId: handedConversationId } });
  // A finished profile import (its progress row), as the queue leaves it.
  const profileImport = await db.profileImport.create({ data: { brandId: brand.id, status: "done", total: 1, processed: 1, created: 1, createdById: member.userId, finishedAt: new Date() } });

  return {
    brandId: brand.id,
    brandName: brand.name,
    member,
    caller,
    apiKey,
    /** A second shopper's number, for calls that write with a phone (kept out of `ids`, which mark this brand's data). */
    otherPhone: other.phone,
    ids: {
      profileId: shopper.id,
      otherProfileId: other.id,
      phone: shopper.phone,
      conversationId,
      handedConversationId,
      ticketId: ticket.id,
      segmentId: segment.id,
      campaignId: campaign.id,
      assistantId: assistant.id,
      workflowId: workflow.id,
      keywordId: keyword.id,
      profileImportId: profileImport.id,
      collection,
    },
  };
}
