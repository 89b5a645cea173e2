import type { Db } from "../db";
import { AppError } from "../errors";
import { redactSecrets } from "../security";
import { connectorFor, HelpdeskError, type ConnectorKind } from "./connectors";
import { testHandoffPayload } from "./handoff-payload";
import { credentialsOf, isHelpdeskKind } from "./helpdesk-settings";

export type TestHandoffResult = {
  outcome: "succeeded" | "failed";
  connector: ConnectorKind;
  httpStatus: number | null;
  /** The test ticket / conversation the helpdesk created, when it names one. */
  externalId: string | null;
  /** What went wrong, in the helpdesk's words plus what to check. */
  error: string | null;
};

/**
 * Settings → Send a test handoff: a sample handoff (a made-up shopper, marked as a test) through
 * the saved connector's real requests, once, without retries. Logged as outcome "test".
 */
export async function sendTestHandoff(db: Db, brandId: string): Promise<TestHandoffResult> {
  const connection = await db.helpdeskConnection.findUnique({ where: { brandId } });
  if (!connection || !isHelpdeskKind(connection.kind) || connection.kind === "none") {
    throw new AppError("BAD_REQUEST", { userMessage: "Choose a helpdesk and save it first; the built-in inbox needs no test." });
  }
  const kind = connection.kind;
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { id: true, name: true, smsNumber: true } });
  let result: TestHandoffResult;
  let secrets: string[] = [];
  try {
    const credentials = credentialsOf(connection);
    secrets = Object.values(credentials.secrets);
    const delivered = await connectorFor(kind).sendTest(testHandoffPayload(brand), credentials);
    result = { outcome: "succeeded", connector: kind, httpStatus: delivered.httpStatus, externalId: delivered.externalId, error: null };
  } catch (error) {
    if (!(error instanceof HelpdeskError) && !(error instanceof AppError)) throw error;
    const message = error instanceof AppError ? error.userMessage : error.message;
    result = { outcome: "failed", connector: kind, httpStatus: error instanceof HelpdeskError ? error.httpStatus : null, externalId: null, error: redactSecrets(message, secrets).slice(0, 500) };
  }
  await db.handoffDelivery.create({
    data: { brandId, ticketId: null, connector: kind, attempt: 1, outcome: "test", httpStatus: result.httpStatus, externalId: result.externalId, error: result.error },
  });
  return result;
}
