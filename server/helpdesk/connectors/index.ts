/** The one place a helpdesk is chosen: adding one is a new file and one entry here. */
import { assertUnreachable } from "../../errors";
import type { ConnectorKind, HelpdeskConnector } from "./connector";
import { frontConnector } from "./front";
import { gorgiasConnector } from "./gorgias";
import { kustomerConnector } from "./kustomer";
import { webhookConnector } from "./webhook";
import { zendeskConnector } from "./zendesk";

export function connectorFor(kind: ConnectorKind): HelpdeskConnector {
  switch (kind) {
    case "webhook":
      return webhookConnector;
    case "kustomer":
      return kustomerConnector;
    case "front":
      return frontConnector;
    case "zendesk":
      return zendeskConnector;
    case "gorgias":
      return gorgiasConnector;
    default:
      return assertUnreachable(kind);
  }
}

export * from "./connector";
export { frontClient } from "./front";
