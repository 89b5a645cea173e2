import { tool, zodSchema } from "ai";
import { z } from "zod";
import { isOrderOfShopper, type CommerceConnector } from "../../commerce";

// Wrapped once: the AI SDK turns the zod schema into JSON Schema on first use and keeps it (per turn it cost a conversion).
const lookupOrderInput = zodSchema(
  z.object({
    orderNumber: z.string().max(40).optional().describe("Order number the shopper mentioned, e.g. 1001 or #1001"),
  }),
);

/** WISMO: the shopper's orders by the number they gave, or by their phone number. */
export function lookupOrderTool(deps: { commerce: CommerceConnector; shopperPhone: string }) {
  return tool({
    description:
      "Look up the status of the shopper's order: status, carrier, tracking link, expected or actual delivery date. " +
      "Pass orderNumber when the shopper gave one (digits, with or without #); omit it to find the shopper's most " +
      "recent orders by their phone number. Never guess an order's status: always call this tool.",
    inputSchema: lookupOrderInput,
    execute: async ({ orderNumber }) => {
      if (orderNumber) {
        const order = await deps.commerce.orderByNumber(orderNumber);
        const number = orderNumber.replace(/^#/, "");
        // An order number is easy to guess: only the phone that placed the order gets its details.
        if (order && isOrderOfShopper(order, deps.shopperPhone) === false) {
          return { lookedUpBy: "number" as const, orderNumber: number, orders: [], withheld: true };
        }
        return { lookedUpBy: "number" as const, orderNumber: number, orders: order ? [order] : [] };
      }
      const orders = await deps.commerce.ordersByPhone(deps.shopperPhone, 3);
      return { lookedUpBy: "phone" as const, orderNumber: null, orders };
    },
  });
}
