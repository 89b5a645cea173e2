import type { Db } from "../db";
import { builtinStore } from "./builtin-store";
import type { CommerceConnector } from "./connector";

export type { CommerceConnector, OrderSummary, ProductSummary } from "./connector";

/** The brand's store connector (Shopify arrives with the agent issue; one new case here). */
export function commerceFor(db: Db, brandId: string): CommerceConnector {
  return builtinStore(db, brandId);
}
