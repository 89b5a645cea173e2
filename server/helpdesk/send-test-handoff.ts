import type { Db, HelpdeskConnection } from "../db";
import { AppError, invalidFields } from "../errors";
import { redactSecrets } from "../security";
import { connectorFor, HelpdeskError, type ConnectorKind, type HelpdeskCredentials } from "./connectors";
import { testHandoffPayload } from "./handoff-payload";
import { credentialsOf, helpdeskAddressErrors, isHelpdeskKind, mergeHelpdeskInput, type HelpdeskSettingsInput } from "./helpdesk-settings";

export type TestHandoffResult = {
  outcome: "succeeded" | "failed";
  connector: ConnectorKind;
  httpStatus: number | null;
  /** The test ticket / conversation the helpdesk created, when it names one. */
  externalId: string | null;
  /** What went wrong, in the helpdesk's words plus what to check. */
  error: string | null;
};

/** The form's unsaved values as credentials, refused with field errors as a save would be. */
async function credentialsOfForm(connection: HelpdeskConnection | null, input: HelpdeskSettingsInput & { kind: ConnectorKind }): Promise<HelpdeskCredentials> {
  const merged = mergeHelpdeskInput(connection, input);
  const errors = { ...(await helpdeskAddressErrors(input)), ...merged.errors };
  if (Object.keys(errors).length) throw invalidFields(errors);
  return { config: merged.config, secrets: merged.secrets };
}

/**
 * Settings → Send a test handoff: a sample handoff (a made-up shopper, marked as a test) through
 * the connector's real requests, once, without retries. Logged as outcome "test". With `input`
 * (the form's unsaved values) the test uses those, under the rules of saving: a saved secret is
 * used only at the address it was saved with, and the addresses must pass the outbound address
 * policy; otherwise it is refused with field errors and nothing is sent.
 */
export async function sendTestHandoff(db: Db, brandId: string, input?: HelpdeskSettingsInput): Promise<TestHandoffResult> {
  const connection = await db.helpdeskConnection.findUnique({ where: { brandId } });
  const kind = input ? input.kind : connection && isHelpdeskKind(connection.kind) ? connection.kind : "none";
  if (!isHelpdeskKind(kind) || kind === "none" || (!input && !connection)) {
    throw new AppError("BAD_REQUEST", { userMessage: "Choose a helpdesk and save it first; the built-in inbox needs no test." });
  }
  // Field errors are the form's to show, not a delivery attempt: nothing is sent or logged.
  const formCredentials = input ? await credentialsOfForm(connection, { ...input, kind }) : null;
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { id: true, name: true, smsNumber: true } });
  let result: TestHandoffResult;
  let secrets: string[] = [];
  try {
    const used = formCredentials ?? credentialsOf(connection!);
    secrets = Object.values(used.secrets);
    const delivered = await connectorFor(kind).sendTest(testHandoffPayload(brand), used);
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
