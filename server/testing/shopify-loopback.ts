/**
 * A Shopify-compatible Admin GraphQL server on loopback for tests. It checks the
 * X-Shopify-Access-Token header, records every request (query text, variables, the search string
 * each root field got), answers `orders`, `customers` and `products` (and `shop`) over the fixtures
 * it is given, applying the `query:` search the way Shopify does: only the filters Shopify documents
 * for that connection (orders: name, email, customer_id; customers: phone, email, id; products:
 * title, handle, status, sku, product_type, vendor, tag), an unknown filter (`phone:` on orders)
 * ignored so the results are unfiltered, with a warning in `extensions.search`.
 * It refuses like Shopify: ACCESS_DENIED for a root field whose scope the token lacks, THROTTLED
 * (with `extensions.cost`) when a query costs more than its cost bucket holds (the bucket refills
 * at restoreRate points a second), MAX_COST_EXCEEDED over 1000 points; and can be told to fail.
 *
 * It parses queries well enough to return exactly the fields selected (aliases, arguments,
 * variables, nested selections) and to reject fields it does not know, as Shopify would; it does
 * not support fragments, directives or mutations. Point a brand's shopifyDomain at `url`.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ShopifyMoneyFixture = { amount: string; currencyCode: string };

export type ShopifyFulfillmentFixture = {
  status?: "SUCCESS" | "CANCELLED" | "ERROR" | "FAILURE" | "OPEN" | "PENDING";
  displayStatus?: string | null;
  createdAt?: string;
  estimatedDeliveryAt?: string | null;
  inTransitAt?: string | null;
  deliveredAt?: string | null;
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null }[];
};

/** A customer record. Orders link to one through `customer`. */
export type ShopifyCustomerFixture = {
  /** Numeric id (gid://shopify/Customer/<id>). Unset: one is assigned. */
  id?: number;
  phone?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
};

export type ShopifyOrderFixture = {
  /** "#1001" */
  name: string;
  /**
   * Who placed it. Unset: the customer Shopify's checkout makes from the order's contact `phone` or
   * `email` (one per phone or email); null: a guest order with no customer record.
   */
  customer?: ShopifyCustomerFixture | null;
  createdAt: string;
  cancelledAt?: string | null;
  phone?: string | null;
  email?: string | null;
  shippingPhone?: string | null;
  displayFulfillmentStatus?: string;
  displayFinancialStatus?: string;
  total: ShopifyMoneyFixture;
  lineItems: { title: string; quantity: number; sku?: string | null }[];
  fulfillments?: ShopifyFulfillmentFixture[];
};

export type ShopifyProductFixture = {
  title: string;
  handle: string;
  status?: "ACTIVE" | "DRAFT" | "ARCHIVED";
  onlineStoreUrl?: string | null;
  totalInventory: number;
  tracksInventory?: boolean;
  price: ShopifyMoneyFixture;
  sku?: string | null;
  productType?: string;
  vendor?: string;
  tags?: string[];
};

export type RecordedShopifyRequest = {
  method: string;
  path: string;
  apiVersion: string | null;
  accessToken: string | null;
  authorized: boolean;
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  /** Root fields asked for, e.g. ["orders"]. */
  rootFields: string[];
  /** The `query:` search string each root field got, variables resolved, e.g. ["name:#1001"]. */
  searchQueries: string[];
  status: number;
  at: string;
};

/**
 * unauthorized: 401 as for a revoked token · throttled: 200 with errors[].extensions.code THROTTLED ·
 * throttled-429: HTTP 429 · server-error: 500 · unavailable: 402 "Unavailable Shop" ·
 * slow: answers normally after `delayMs`.
 */
export type ShopifyScope = "read_orders" | "read_customers" | "read_products";

export type ShopifyFailure = "unauthorized" | "throttled" | "throttled-429" | "server-error" | "unavailable" | { slow: number };

export type ShopifyLoopback = {
  /** Origin to store as the brand's shopifyDomain. */
  url: string;
  accessToken: string;
  shopName: string;
  orders: ShopifyOrderFixture[];
  products: ShopifyProductFixture[];
  /** Customers without orders; customers of orders come from the orders. */
  customers: ShopifyCustomerFixture[];
  /** Access scopes the token was granted; a root field needing another is ACCESS_DENIED. */
  scopes: ShopifyScope[];
  /** The query-cost bucket: set `currentlyAvailable` to drain it, `restoreRate` to slow its refill. */
  costBucket: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  requests: RecordedShopifyRequest[];
  /** The next `times` GraphQL requests fail this way. */
  failNext(failure: ShopifyFailure, times?: number): void;
  reset(): void;
  close(): Promise<void>;
};

export type ShopifyLoopbackOptions = {
  port?: number;
  accessToken?: string;
  shopName?: string;
  orders?: ShopifyOrderFixture[];
  products?: ShopifyProductFixture[];
  customers?: ShopifyCustomerFixture[];
  /** Default: all of read_orders, read_customers, read_products. */
  scopes?: ShopifyScope[];
  /** Default 2000 points refilled at 100 a second (Shopify's Advanced plan; Standard is 1000 at 50). */
  costBucket?: { maximumAvailable: number; restoreRate: number };
  /** Search fields to treat as unknown: Shopify ignores those terms and matches everything. */
  ignoredSearchFields?: string[];
};

export async function startShopifyLoopback(opts: ShopifyLoopbackOptions = {}): Promise<ShopifyLoopback> {
  const accessToken = opts.accessToken ?? `shpat_${crypto.randomBytes(16).toString("hex")}`;
  const shopName = opts.shopName ?? "Loopback Shop";
  const requests: RecordedShopifyRequest[] = [];
  const failures: ShopifyFailure[] = [];
  const state = { orders: [...(opts.orders ?? [])], products: [...(opts.products ?? [])], customers: [...(opts.customers ?? [])] };
  let scopes: ShopifyScope[] = [...(opts.scopes ?? ["read_orders", "read_customers", "read_products"])];
  const limits = opts.costBucket ?? { maximumAvailable: 2000, restoreRate: 100 };
  const bucket = { maximumAvailable: limits.maximumAvailable, currentlyAvailable: limits.maximumAvailable, restoreRate: limits.restoreRate, at: Date.now() };
  const refill = () => {
    const now = Date.now();
    bucket.currentlyAvailable = Math.min(bucket.maximumAvailable, bucket.currentlyAvailable + ((now - bucket.at) / 1000) * bucket.restoreRate);
    bucket.at = now;
  };
  const ignored = new Set(opts.ignoredSearchFields ?? []);
  let origin = "";

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]!;
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
      };
      const version = path.match(/^\/admin\/api\/([^/]+)\/graphql\.json$/)?.[1] ?? null;
      const tokenHeader = req.headers["x-shopify-access-token"];
      const token = typeof tokenHeader === "string" ? tokenHeader : null;
      let payload: { query?: unknown; variables?: unknown; operationName?: unknown } = {};
      try {
        payload = raw ? JSON.parse(raw) : {};
      } catch {
        payload = {};
      }
      const query = typeof payload.query === "string" ? payload.query : "";
      const variables = payload.variables && typeof payload.variables === "object" ? (payload.variables as Record<string, unknown>) : {};
      const record: RecordedShopifyRequest = {
        method: req.method ?? "",
        path,
        apiVersion: version,
        accessToken: token,
        authorized: token === accessToken,
        query,
        variables,
        operationName: typeof payload.operationName === "string" ? payload.operationName : null,
        rootFields: [],
        searchQueries: [],
        status: 0,
        at: new Date().toISOString(),
      };
      requests.push(record);
      const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
        record.status = status;
        send(status, body, headers);
      };

      if (!version || req.method !== "POST") return answer(404, { errors: "Not Found" });
      const failure = failures.shift();
      const respond = () => {
        if (failure === "unauthorized" || !record.authorized) {
          return answer(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
        }
        if (failure === "unavailable") return answer(402, { errors: "Unavailable Shop" });
        if (failure === "server-error") return answer(500, { errors: "Internal Server Error" });
        if (failure === "throttled" || failure === "throttled-429") {
          const body = {
            errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
            extensions: { cost: { requestedQueryCost: 12, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 10, restoreRate: 100 } } },
          };
          return failure === "throttled" ? answer(200, body) : answer(429, body, { "retry-after": "0" });
        }
        if (!query) return answer(400, { errors: { query: "Required parameter missing or invalid" } });
        refill();
        const result = execute(query, variables, { state, ignored, origin, shopName, scopes, bucket }, record);
        return answer(200, result);
      };
      if (failure && typeof failure === "object") setTimeout(respond, failure.slow);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    accessToken,
    shopName,
    get orders() {
      return state.orders;
    },
    set orders(v) {
      state.orders = v;
    },
    get products() {
      return state.products;
    },
    set products(v) {
      state.products = v;
    },
    get customers() {
      return state.customers;
    },
    set customers(v) {
      state.customers = v;
    },
    get scopes() {
      return scopes;
    },
    set scopes(v) {
      scopes = v;
    },
    get costBucket() {
      refill();
      return bucket;
    },
    requests,
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
      scopes = [...(opts.scopes ?? ["read_orders", "read_customers", "read_products"])];
      Object.assign(bucket, { ...limits, currentlyAvailable: limits.maximumAvailable, at: Date.now() });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- Executing one query over the fixtures ---------------------------------------------------

type ExecContext = {
  state: { orders: ShopifyOrderFixture[]; products: ShopifyProductFixture[]; customers: ShopifyCustomerFixture[] };
  ignored: Set<string>;
  origin: string;
  shopName: string;
  scopes: ShopifyScope[];
  bucket: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
};

/** The scope each root field needs (https://shopify.dev/docs/api/usage/access-scopes). */
const requiredScope: Record<string, ShopifyScope> = { orders: "read_orders", customers: "read_customers", products: "read_products" };
/** Shopify refuses any single query whose requested cost is over this. */
const MAX_QUERY_COST = 1000;

type GraphqlError = { message: string; path?: (string | number)[]; extensions: Record<string, unknown> };

/** A paginated list: `first`/`last` pick the page, the selection decides nodes / edges / pageInfo. */
class Connection {
  constructor(
    readonly typeName: string,
    readonly items: Record<string, unknown>[],
  ) {}
  page(args: Record<string, unknown>): Record<string, unknown> {
    const first = typeof args.first === "number" ? args.first : undefined;
    const last = typeof args.last === "number" ? args.last : undefined;
    const items = first !== undefined ? this.items.slice(0, first) : last !== undefined ? this.items.slice(-last) : this.items;
    const cursor = (i: number) => Buffer.from(JSON.stringify({ last_id: i })).toString("base64");
    return {
      __typename: `${this.typeName}Connection`,
      nodes: items,
      edges: items.map((node, i) => ({ __typename: `${this.typeName}Edge`, node, cursor: cursor(i) })),
      pageInfo: {
        __typename: "PageInfo",
        hasNextPage: items.length < this.items.length && first !== undefined,
        hasPreviousPage: items.length < this.items.length && last !== undefined,
        startCursor: items.length ? cursor(0) : null,
        endCursor: items.length ? cursor(items.length - 1) : null,
      },
    };
  }
}

function gid(type: string, n: number): string {
  return `gid://shopify/${type}/${n}`;
}

const money = (m: ShopifyMoneyFixture) => ({
  __typename: "MoneyBag",
  shopMoney: { __typename: "MoneyV2", ...m },
  presentmentMoney: { __typename: "MoneyV2", ...m },
});

type CustomerRecord = { id: number; phone: string | null; email: string | null; firstName: string | null; lastName: string | null; orders: number[] };

/** The shop's customers: the given ones and those of the orders, one per id, phone or email. */
function customerRecords(state: ExecContext["state"]): { customers: CustomerRecord[]; ofOrder: (CustomerRecord | null)[] } {
  const customers: CustomerRecord[] = [];
  const byKey = new Map<string, CustomerRecord>();
  const keysOf = (c: ShopifyCustomerFixture) =>
    [c.id !== undefined && `id:${c.id}`, phoneDigits(c.phone) && `phone:${phoneDigits(c.phone)}`, c.email && `email:${c.email.toLowerCase()}`].filter((k): k is string => Boolean(k));
  const record = (c: ShopifyCustomerFixture): CustomerRecord | null => {
    const keys = keysOf(c);
    if (!keys.length) return null;
    let r = keys.map((k) => byKey.get(k)).find(Boolean);
    if (!r) {
      r = { id: c.id ?? 7_000_000 + customers.length, phone: c.phone ?? null, email: c.email ?? null, firstName: c.firstName ?? null, lastName: c.lastName ?? null, orders: [] };
      customers.push(r);
    }
    for (const k of keys) byKey.set(k, r);
    return r;
  };
  state.customers.forEach(record);
  const ofOrder = state.orders.map((o, i) => {
    const r = o.customer === null ? null : record(o.customer ?? { phone: o.phone, email: o.email });
    r?.orders.push(i);
    return r;
  });
  return { customers, ofOrder };
}

function customerNode(c: CustomerRecord): Record<string, unknown> {
  return {
    __typename: "Customer",
    id: gid("Customer", c.id),
    legacyResourceId: String(c.id),
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || c.phone || "",
    phone: c.phone,
    email: c.email,
    defaultPhoneNumber: c.phone ? { __typename: "CustomerPhoneNumber", phoneNumber: c.phone } : null,
    defaultEmailAddress: c.email ? { __typename: "CustomerEmailAddress", emailAddress: c.email } : null,
    numberOfOrders: String(c.orders.length),
  };
}

function orderNode(o: ShopifyOrderFixture, index: number, customer: CustomerRecord | null = null): Record<string, unknown> {
  const id = 5_000_000 + index;
  const fulfillments = (o.fulfillments ?? []).map((f, i) => ({
    __typename: "Fulfillment",
    id: gid("Fulfillment", id * 10 + i),
    name: `${o.name}-F${i + 1}`,
    createdAt: f.createdAt ?? o.createdAt,
    updatedAt: f.deliveredAt ?? f.createdAt ?? o.createdAt,
    status: f.status ?? "SUCCESS",
    displayStatus: f.displayStatus ?? (f.deliveredAt ? "DELIVERED" : "IN_TRANSIT"),
    estimatedDeliveryAt: f.estimatedDeliveryAt ?? null,
    inTransitAt: f.inTransitAt ?? null,
    deliveredAt: f.deliveredAt ?? null,
    trackingInfo: (f.trackingInfo ?? []).map((t) => ({ __typename: "FulfillmentTrackingInfo", company: t.company ?? null, number: t.number ?? null, url: t.url ?? null })),
  }));
  const fulfilled = fulfillments.some((f) => f.status === "SUCCESS");
  const address = (phone: string | null | undefined) => (phone === undefined ? null : { __typename: "MailingAddress", phone });
  return {
    __typename: "Order",
    id: gid("Order", id),
    legacyResourceId: String(id),
    name: o.name,
    createdAt: o.createdAt,
    processedAt: o.createdAt,
    updatedAt: o.cancelledAt ?? o.createdAt,
    cancelledAt: o.cancelledAt ?? null,
    cancelReason: o.cancelledAt ? "CUSTOMER" : null,
    closed: false,
    phone: o.phone ?? null,
    email: o.email ?? null,
    displayFulfillmentStatus: o.displayFulfillmentStatus ?? (fulfilled ? "FULFILLED" : "UNFULFILLED"),
    displayFinancialStatus: o.displayFinancialStatus ?? (o.cancelledAt ? "REFUNDED" : "PAID"),
    totalPriceSet: money(o.total),
    currentTotalPriceSet: money(o.total),
    subtotalLineItemsQuantity: o.lineItems.reduce((n, i) => n + i.quantity, 0),
    lineItems: new Connection(
      "LineItem",
      o.lineItems.map((li, i) => ({ __typename: "LineItem", id: gid("LineItem", id * 100 + i), title: li.title, name: li.title, quantity: li.quantity, sku: li.sku ?? null })),
    ),
    fulfillments,
    shippingAddress: address(o.shippingPhone),
    billingAddress: null,
    customer: customer ? customerNode(customer) : null,
  };
}

function productNode(p: ShopifyProductFixture, index: number): Record<string, unknown> {
  const id = 8_000_000 + index;
  const price = { __typename: "MoneyV2", ...p.price };
  return {
    __typename: "Product",
    id: gid("Product", id),
    legacyResourceId: String(id),
    title: p.title,
    handle: p.handle,
    status: p.status ?? "ACTIVE",
    onlineStoreUrl: p.onlineStoreUrl ?? null,
    totalInventory: p.totalInventory,
    tracksInventory: p.tracksInventory ?? true,
    productType: p.productType ?? "",
    vendor: p.vendor ?? "",
    tags: p.tags ?? [],
    priceRangeV2: { __typename: "ProductPriceRangeV2", minVariantPrice: price, maxVariantPrice: price },
    variants: new Connection("ProductVariant", [
      { __typename: "ProductVariant", id: gid("ProductVariant", id * 10), sku: p.sku ?? null, title: "Default Title", price: p.price.amount, inventoryQuantity: p.totalInventory },
    ]),
  };
}

// Search syntax: terms ANDed by whitespace or "AND", "OR" between them, parentheses to group,
// "-" or "NOT" to negate; `field:value` or free text.
type SearchTerm = { field: string | null; value: string };
type SearchNode =
  | { kind: "term"; term: SearchTerm }
  | { kind: "not"; item: SearchNode }
  | { kind: "and" | "or"; items: SearchNode[] };

function parseSearch(q: string): SearchNode | null {
  const tokens: string[] = [];
  const re = /\s*(\(|\)|-?(?:[A-Za-z_][\w.]*:)?(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s()]+))/gy;
  for (let m = re.exec(q); m; m = re.exec(q)) tokens.push(m[1]!);
  let i = 0;
  const parseOr = (): SearchNode => {
    const items = [parseAnd()];
    while (tokens[i] === "OR") {
      i++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  };
  const parseAnd = (): SearchNode => {
    const items: SearchNode[] = [];
    while (i < tokens.length && tokens[i] !== ")" && tokens[i] !== "OR") {
      if (tokens[i] === "AND") {
        i++;
        continue;
      }
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  };
  const parseUnary = (): SearchNode => {
    const t = tokens[i++]!;
    if (t === "NOT") return { kind: "not", item: parseUnary() };
    if (t === "(") {
      const inner = parseOr();
      if (tokens[i] === ")") i++;
      return inner;
    }
    const negated = t.startsWith("-") && t.length > 1;
    const m = (negated ? t.slice(1) : t).match(/^(?:([A-Za-z_][\w.]*):)?(.*)$/s)!;
    const term: SearchNode = { kind: "term", term: { field: m[1]?.toLowerCase() ?? null, value: m[2]!.replace(/^(["'])(.*)\1$/s, "$2") } };
    return negated ? { kind: "not", item: term } : term;
  };
  return tokens.length ? parseOr() : null;
}

const phoneDigits = (s: string | null | undefined) => (s ?? "").replace(/\D/g, "");
const contains = (haystack: (string | null | undefined)[], needle: string) =>
  haystack.some((h) => (h ?? "").toLowerCase().includes(needle.toLowerCase()));

type Matcher<T> = (item: T, term: SearchTerm) => boolean | "unknown_field";

// `orders` has no phone filter (https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#argument-query):
// `phone:` is an unknown field there, ignored like any other.
const matchOrder: Matcher<{ fixture: ShopifyOrderFixture; customer: CustomerRecord | null }> = ({ fixture: o, customer }, t) => {
  switch (t.field) {
    case null:
      return contains([o.name, o.email, o.phone], t.value);
    case "name":
      return o.name.replace(/^#/, "").toLowerCase() === t.value.replace(/^#/, "").toLowerCase();
    case "email":
      return (o.email ?? "").toLowerCase() === t.value.toLowerCase();
    case "customer_id":
      return customer !== null && String(customer.id) === t.value;
    default:
      return "unknown_field";
  }
};

// https://shopify.dev/docs/api/admin-graphql/latest/queries/customers#argument-query
const matchCustomer: Matcher<CustomerRecord> = (c, t) => {
  switch (t.field) {
    case null:
      return contains([c.firstName, c.lastName, c.email, c.phone], t.value);
    case "phone": {
      if (t.value === "*") return c.phone !== null;
      // A number stored without its country code still matches the shopper's E.164 number.
      const want = phoneDigits(t.value);
      const have = phoneDigits(c.phone);
      return want.length > 0 && (have === want || (have.length >= 10 && !c.phone?.trim().startsWith("+") && want.endsWith(have)));
    }
    case "email":
      return t.value === "*" ? c.email !== null : (c.email ?? "").toLowerCase() === t.value.toLowerCase();
    case "id":
      return String(c.id) === t.value;
    case "first_name":
      return (c.firstName ?? "").toLowerCase() === t.value.toLowerCase();
    case "last_name":
      return (c.lastName ?? "").toLowerCase() === t.value.toLowerCase();
    default:
      return "unknown_field";
  }
};

const matchProduct: Matcher<ShopifyProductFixture> = (p, t) => {
  switch (t.field) {
    case null:
      return contains([p.title, p.handle, p.productType, p.vendor, ...(p.tags ?? [])], t.value);
    case "title":
      return contains([p.title], t.value);
    case "handle":
      return p.handle === t.value;
    case "status":
      return t.value.split(",").some((s) => s.trim().toUpperCase() === (p.status ?? "ACTIVE"));
    case "sku":
      return (p.sku ?? "") === t.value;
    case "product_type":
      return (p.productType ?? "").toLowerCase() === t.value.toLowerCase();
    case "vendor":
      return (p.vendor ?? "").toLowerCase() === t.value.toLowerCase();
    case "tag":
      return (p.tags ?? []).some((tag) => tag.toLowerCase() === t.value.toLowerCase());
    default:
      return "unknown_field";
  }
};

/**
 * Shopify ignores a term on a field it doesn't know (matching everything) and warns about it.
 * Returns the matches with a relevance score: how many free-text words each one matched.
 */
function applySearch<T>(items: T[], q: string | null, match: Matcher<T>, ignored: Set<string>, warnings: { field: string; message: string }[]): { item: T; score: number }[] {
  const tree = q?.trim() ? parseSearch(q) : null;
  if (!tree) return items.map((item) => ({ item, score: 0 }));
  const unknown = new Set<string>();
  const termMatches = (item: T, term: SearchTerm): boolean => {
    const m = term.field && ignored.has(term.field) ? "unknown_field" : match(item, term);
    if (m === "unknown_field") {
      unknown.add(term.field!);
      return true;
    }
    return m;
  };
  const evaluate = (item: T, node: SearchNode): boolean => {
    switch (node.kind) {
      case "term":
        return termMatches(item, node.term);
      case "not":
        return !evaluate(item, node.item);
      case "and":
        return node.items.every((n) => evaluate(item, n));
      case "or":
        return node.items.some((n) => evaluate(item, n));
    }
  };
  const words: SearchTerm[] = [];
  const collect = (node: SearchNode) => {
    if (node.kind === "term" && !node.term.field) words.push(node.term);
    if (node.kind === "and" || node.kind === "or") node.items.forEach(collect);
  };
  collect(tree);
  const matched = items.filter((item) => evaluate(item, tree)).map((item) => ({ item, score: words.filter((w) => termMatches(item, w)).length }));
  for (const field of unknown) warnings.push({ field, message: "Invalid search field for this query." });
  return matched;
}

const sampleOrder: ShopifyOrderFixture = {
  name: "#1",
  createdAt: "2026-01-01T00:00:00Z",
  phone: "+15550000000",
  email: "sample@example.com",
  shippingPhone: "+15550000000",
  total: { amount: "1.00", currencyCode: "USD" },
  lineItems: [{ title: "Sample", quantity: 1, sku: "S" }],
  fulfillments: [{ createdAt: "2026-01-02T00:00:00Z", trackingInfo: [{ company: "UPS", number: "1Z", url: "https://example.com" }] }],
};
const sampleProduct: ShopifyProductFixture = { title: "Sample", handle: "sample", totalInventory: 1, price: { amount: "1.00", currencyCode: "USD" } };
const sampleCustomer: CustomerRecord = { id: 1, phone: "+15550000000", email: "sample@example.com", firstName: "Sam", lastName: "Ple", orders: [0] };

function sampleNode(rootField: string): Record<string, unknown> {
  if (rootField === "orders") return orderNode(sampleOrder, 0, sampleCustomer);
  if (rootField === "customers") return { ...customerNode(sampleCustomer), orders: new Connection("Order", [orderNode(sampleOrder, 0, sampleCustomer)]) };
  return productNode(sampleProduct, 0);
}

function execute(query: string, rawVariables: Record<string, unknown>, ctx: ExecContext, record: RecordedShopifyRequest): unknown {
  let doc: ParsedOperation;
  try {
    doc = parseOperation(query);
  } catch (error) {
    return { errors: [{ message: error instanceof Error ? error.message : String(error), extensions: { code: "parseError" } }] };
  }
  const variables = { ...doc.variableDefaults, ...rawVariables };
  const errors: GraphqlError[] = [];
  const data: Record<string, unknown> = {};
  const searchWarnings: unknown[] = [];
  const denied: GraphqlError[] = [];
  let requestedCost = 0;
  let actualCost = 0;

  for (const field of doc.selections) {
    const key = field.alias ?? field.name;
    const args = resolveArgs(field.args, variables);
    record.rootFields.push(field.name);
    if (typeof args.query === "string") record.searchQueries.push(args.query);
    const search = typeof args.query === "string" ? args.query : null;
    const warnings: { field: string; message: string }[] = [];
    let value: unknown;
    switch (field.name) {
      case "__typename":
        data[key] = "QueryRoot";
        continue;
      case "shop":
        value = { __typename: "Shop", name: ctx.shopName, myshopifyDomain: new URL(ctx.origin).host, currencyCode: "USD", primaryDomain: { __typename: "Domain", url: ctx.origin, host: new URL(ctx.origin).host } };
        requestedCost += 1;
        actualCost += 1;
        break;
      case "orders":
      case "customers":
      case "products": {
        if (typeof args.first !== "number" && typeof args.last !== "number") {
          errors.push({ message: "you must provide one of first or last", path: [key], extensions: {} });
          continue;
        }
        const scope = requiredScope[field.name]!;
        if (!ctx.scopes.includes(scope)) {
          denied.push({
            message: `Access denied for ${field.name} field. Required access: \`${scope}\` access scope.`,
            path: [key],
            extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: `\`${scope}\` access scope.` },
          });
          continue;
        }
        const typeName = field.name === "orders" ? "Order" : field.name === "customers" ? "Customer" : "Product";
        const { customers, ofOrder } = customerRecords(ctx.state);
        const orderNodes = () => ctx.state.orders.map((o, i) => orderNode(o, i, ofOrder[i]));
        let scored: { item: { node: Record<string, unknown> }; score: number }[];
        if (field.name === "orders") {
          const nodes = orderNodes();
          scored = applySearch(ctx.state.orders.map((o, i) => ({ fixture: o, customer: ofOrder[i]!, node: nodes[i]! })), search, matchOrder, ctx.ignored, warnings);
        } else if (field.name === "customers") {
          const nodes = orderNodes();
          const withOrders = customers.map((c) => ({ ...c, node: { ...customerNode(c), orders: new Connection("Order", c.orders.map((i) => nodes[i]!)) } }));
          scored = applySearch(withOrders, search, matchCustomer, ctx.ignored, warnings);
        } else {
          scored = applySearch(ctx.state.products.map((p, i) => ({ fixture: p, node: productNode(p, i) })), search, (x, t) => matchProduct(x.fixture, t), ctx.ignored, warnings);
        }
        const sortKey = typeof args.sortKey === "string" ? args.sortKey : "ID";
        // RELEVANCE: more of the searched words first (stable, so fixture order breaks ties).
        if (sortKey === "RELEVANCE") scored.sort((a, b) => b.score - a.score);
        let matched: Record<string, unknown>[] = scored.map((x) => x.item.node);
        if (sortKey === "CREATED_AT") matched = [...matched].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
        if (sortKey === "TITLE") matched = [...matched].sort((a, b) => String(a.title).localeCompare(String(b.title)));
        if (args.reverse === true) matched = [...matched].reverse();
        // Fields are checked against a fully populated node too, so an empty page still rejects unknown fields.
        const sample = sampleNode(field.name);
        project(new Connection(typeName, [sample]).page(args), field.selections, variables, [key], errors);
        value = new Connection(typeName, matched).page(args);
        const perNode = field.name === "orders" ? 4 : field.name === "customers" ? 1 + (field.selections?.some((s) => s.name === "orders") ? 42 : 0) : 2;
        const pageSize = Number(args.first ?? args.last);
        requestedCost += 2 + pageSize * perNode;
        actualCost += 2 + (value as { nodes: unknown[] }).nodes.length * perNode;
        if (warnings.length) searchWarnings.push({ path: [key], query: search, warnings });
        break;
      }
      default:
        errors.push({
          message: `Field '${field.name}' doesn't exist on type 'QueryRoot'`,
          path: ["query", field.name],
          extensions: { code: "undefinedField", typeName: "QueryRoot", fieldName: field.name },
        });
        continue;
    }
    data[key] = project(value, field.selections, variables, [key], errors);
  }
  const bucket = ctx.bucket;
  const status = () => ({ maximumAvailable: bucket.maximumAvailable, currentlyAvailable: Math.floor(bucket.currentlyAvailable), restoreRate: bucket.restoreRate });
  // Like graphql-ruby: a query with unknown fields is rejected as a whole, with no data.
  if (errors.length) return { errors, extensions: { cost: { requestedQueryCost: requestedCost, actualQueryCost: null, throttleStatus: status() } } };
  if (requestedCost > MAX_QUERY_COST) {
    return {
      errors: [
        {
          message: `Query cost is ${requestedCost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
          extensions: { code: "MAX_COST_EXCEEDED", cost: requestedCost, maxCost: MAX_QUERY_COST, documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
    };
  }
  // Shopify checks the requested cost against the bucket, then charges the actual cost.
  if (requestedCost > bucket.currentlyAvailable) {
    return {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: { cost: { requestedQueryCost: requestedCost, actualQueryCost: null, throttleStatus: status() } },
    };
  }
  bucket.currentlyAvailable -= actualCost;
  const cost = { requestedQueryCost: requestedCost, actualQueryCost: actualCost, throttleStatus: status() };
  // A field the token may not read is null, with an error; the rest of the query still answers.
  if (denied.length) return { errors: denied, data: null, extensions: { cost } };
  return { data, extensions: searchWarnings.length ? { cost, search: searchWarnings } : { cost } };
}

function project(value: unknown, selections: Selection[] | null, variables: Record<string, unknown>, path: (string | number)[], errors: GraphqlError[]): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v, i) => project(v, selections, variables, [...path, i], errors));
  const isObject = typeof value === "object";
  if (!selections) {
    if (isObject && !(value instanceof Connection)) {
      const typeName = (value as Record<string, unknown>).__typename;
      errors.push({ message: `Field must have selections (field '${path[path.length - 1]}' returns ${String(typeName)} but has no selections)`, path, extensions: { code: "selectionMismatch" } });
      return null;
    }
    return value;
  }
  if (!isObject) {
    errors.push({ message: `Selections can't be made on scalars (field '${path[path.length - 1]}')`, path, extensions: { code: "selectionMismatch" } });
    return null;
  }
  const obj = value as Record<string, unknown>;
  const typeName = String(obj.__typename ?? "Object");
  const out: Record<string, unknown> = {};
  for (const sel of selections) {
    const key = sel.alias ?? sel.name;
    if (sel.name === "__typename") {
      out[key] = typeName;
      continue;
    }
    if (!(sel.name in obj)) {
      errors.push({ message: `Field '${sel.name}' doesn't exist on type '${typeName}'`, path: [...path, sel.name], extensions: { code: "undefinedField", typeName, fieldName: sel.name } });
      continue;
    }
    const args = resolveArgs(sel.args, variables);
    let v = obj[sel.name];
    if (v instanceof Connection) v = v.page(args);
    else if (Array.isArray(v) && typeof args.first === "number") v = v.slice(0, args.first);
    out[key] = project(v, sel.selections, variables, [...path, key], errors);
  }
  return out;
}

// --- A small GraphQL parser: one query operation, fields with aliases, arguments, variables -----

type Value = { kind: "variable"; name: string } | { kind: "literal"; value: unknown } | { kind: "list"; items: Value[] } | { kind: "object"; fields: Record<string, Value> };
type Selection = { alias: string | null; name: string; args: Record<string, Value>; selections: Selection[] | null };
type ParsedOperation = { operationName: string | null; variableDefaults: Record<string, unknown>; selections: Selection[] };
type Token = { kind: "punct" | "name" | "string" | "number"; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|,|#[^\n\r]*|("""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)|(\.\.\.|[!$():=@[\]{}|&])/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < source.length) {
    re.lastIndex = at;
    m = re.exec(source);
    if (!m) throw new Error(`Parse error on "${source.slice(at, at + 10)}" at offset ${at}`);
    at = re.lastIndex;
    const [, str, num, name, punct] = m;
    if (str !== undefined) tokens.push({ kind: "string", value: str.startsWith('"""') ? str.slice(3, -3) : (JSON.parse(str) as string) });
    else if (num !== undefined) tokens.push({ kind: "number", value: num });
    else if (name !== undefined) tokens.push({ kind: "name", value: name });
    else if (punct !== undefined) tokens.push({ kind: "punct", value: punct });
  }
  return tokens;
}

function parseOperation(source: string): ParsedOperation {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    const t = tokens[i++];
    if (!t) throw new Error("Parse error: unexpected end of document");
    return t;
  };
  const expect = (value: string) => {
    const t = next();
    if (t.value !== value || (t.kind !== "punct" && t.kind !== "name")) throw new Error(`Parse error on "${t.value}": expected "${value}"`);
  };
  const isPunct = (value: string) => peek()?.kind === "punct" && peek()?.value === value;

  function parseValue(): Value {
    const t = next();
    if (t.kind === "punct" && t.value === "$") return { kind: "variable", name: next().value };
    if (t.kind === "string") return { kind: "literal", value: t.value };
    if (t.kind === "number") return { kind: "literal", value: Number(t.value) };
    if (t.kind === "name") return { kind: "literal", value: t.value === "true" ? true : t.value === "false" ? false : t.value === "null" ? null : t.value };
    if (t.value === "[") {
      const items: Value[] = [];
      while (!isPunct("]")) items.push(parseValue());
      next();
      return { kind: "list", items };
    }
    if (t.value === "{") {
      const fields: Record<string, Value> = {};
      while (!isPunct("}")) {
        const key = next().value;
        expect(":");
        fields[key] = parseValue();
      }
      next();
      return { kind: "object", fields };
    }
    throw new Error(`Parse error on "${t.value}"`);
  }

  function skipType() {
    if (isPunct("[")) {
      next();
      skipType();
      expect("]");
    } else next();
    if (isPunct("!")) next();
  }

  function parseSelections(): Selection[] {
    expect("{");
    const out: Selection[] = [];
    while (!isPunct("}")) {
      const t = next();
      if (t.kind === "punct" && t.value === "...") throw new Error("The Shopify loopback does not support fragments");
      if (t.kind !== "name") throw new Error(`Parse error on "${t.value}"`);
      let alias: string | null = null;
      let name = t.value;
      if (isPunct(":")) {
        next();
        alias = name;
        name = next().value;
      }
      const args: Record<string, Value> = {};
      if (isPunct("(")) {
        next();
        while (!isPunct(")")) {
          const argName = next().value;
          expect(":");
          args[argName] = parseValue();
        }
        next();
      }
      if (isPunct("@")) throw new Error("The Shopify loopback does not support directives");
      out.push({ alias, name, args, selections: isPunct("{") ? parseSelections() : null });
    }
    next();
    return out;
  }

  let operationName: string | null = null;
  const variableDefaults: Record<string, unknown> = {};
  if (!isPunct("{")) {
    const kind = next();
    if (kind.value !== "query") throw new Error(`The Shopify loopback only answers queries, not "${kind.value}"`);
    if (peek()?.kind === "name") operationName = next().value;
    if (isPunct("(")) {
      next();
      while (!isPunct(")")) {
        expect("$");
        const name = next().value;
        expect(":");
        skipType();
        if (isPunct("=")) {
          next();
          variableDefaults[name] = resolveValue(parseValue(), {});
        }
      }
      next();
    }
  }
  const selections = parseSelections();
  if (i < tokens.length) throw new Error("The Shopify loopback answers one operation per request");
  return { operationName, variableDefaults, selections };
}

function resolveValue(v: Value, variables: Record<string, unknown>): unknown {
  switch (v.kind) {
    case "variable":
      return variables[v.name] ?? null;
    case "literal":
      return v.value;
    case "list":
      return v.items.map((item) => resolveValue(item, variables));
    case "object":
      return Object.fromEntries(Object.entries(v.fields).map(([k, f]) => [k, resolveValue(f, variables)]));
  }
}

function resolveArgs(args: Record<string, Value>, variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, resolveValue(v, variables)]));
}
