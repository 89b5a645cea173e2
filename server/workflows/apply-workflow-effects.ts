import type { Db, Profile } from "../db";
import { Prisma } from "../db";
import { profileChangesFor } from "./extract-fields";
import type { WorkflowEffect } from "./run-workflow-step";

/**
 * Carries out what a workflow step decided: collected fields onto the shopper's profile, records
 * into their collections (one per conversation and collection: a re-run or a correction updates
 * it). Returns the profile as it now is.
 */
export async function applyWorkflowEffects(
  db: Db,
  input: { brandId: string; workflowId: string; profile: Profile; conversationId: string; effects: readonly WorkflowEffect[] },
): Promise<Profile> {
  let profile = input.profile;
  for (const effect of input.effects) {
    switch (effect.type) {
      case "store_fields": {
        const changes = profileChangesFor(effect.fields, profile);
        profile = await db.profile.update({
          where: { id: profile.id },
          data: { ...changes, properties: changes.properties as Prisma.InputJsonValue },
        });
        break;
      }
      case "save_record":
        await db.workflowRecord.upsert({
          where: { conversationId_collection: { conversationId: input.conversationId, collection: effect.collection } },
          update: { data: effect.data, workflowId: input.workflowId },
          create: {
            brandId: input.brandId,
            workflowId: input.workflowId,
            collection: effect.collection,
            profileId: profile.id,
            conversationId: input.conversationId,
            data: effect.data,
          },
        });
        break;
    }
  }
  return profile;
}
