import type { Brand, Db } from "../db";
import { AppError } from "../errors";

export type WorkflowsAccess = { isAvailable: boolean; hasSmsPlan: boolean; smsWorkflowsEnabled: boolean; brandName: string };

/** SMS Workflows exist for a brand whose plan includes SMS and whose smsWorkflowsEnabled flag is on. */
export function isWorkflowsAvailable(brand: Pick<Brand, "hasSmsPlan" | "smsWorkflowsEnabled">): boolean {
  return brand.hasSmsPlan && brand.smsWorkflowsEnabled;
}

export async function workflowsAccess(db: Db, brandId: string): Promise<WorkflowsAccess> {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { name: true, hasSmsPlan: true, smsWorkflowsEnabled: true } });
  return { isAvailable: isWorkflowsAvailable(brand), hasSmsPlan: brand.hasSmsPlan, smsWorkflowsEnabled: brand.smsWorkflowsEnabled, brandName: brand.name };
}

/** Refuses the workflow pages' reads and writes while the feature is off for the brand. */
export async function assertWorkflowsAvailable(db: Db, brandId: string): Promise<void> {
  const access = await workflowsAccess(db, brandId);
  if (access.isAvailable) return;
  throw new AppError("FORBIDDEN", {
    userMessage: access.hasSmsPlan
      ? "SMS Workflows are turned off for this brand. Ask your Parley account admin to turn on the SMS Workflows feature."
      : "SMS Workflows need a plan that includes SMS. Upgrade the brand's plan to use them.",
  });
}
