/**
 * The demo brand: a sending number, a demo owner and a member-role teammate, ~50 shoppers with mixed SMS consent, a small
 * catalogue, a help center and orders in every state. Idempotent: an existing demo brand is left
 * as it is. README.md lists the shoppers, order numbers and questions worth trying.
 */
import type { Db, OrderStatus, SmsConsent } from "../server/db";
import { hashPassword } from "../server/auth/password";
import { encryptSecret } from "../server/channels/secret-box";
import { EventName } from "../server/analytics/emit-event";
import { demoSegments as demoSegmentList } from "../server/segments/segment-examples";

export const DEMO = {
  brandSlug: "juniper-outdoor",
  brandName: "Juniper Outdoor",
  smsNumber: "+15555550100",
  userEmail: "demo@parley.dev",
  userName: "Dana Demo",
  /** A member-role teammate (same password): sees everything, changes only the inbox and conversations. */
  memberEmail: "member@parley.dev",
  memberName: "Milo Member",
};

const firstNames = ["Ava", "Liam", "Mia", "Noah", "Zoe", "Ethan", "Ivy", "Lucas", "Nora", "Owen", "Ruby", "Eli", "Maya", "Jack", "Lena", "Theo", "Aria", "Leo", "Cora", "Finn", "Isla", "Milo", "Jade", "Ezra", "Luna"];
const lastNames = ["Thompson", "Garcia", "Nguyen", "Patel", "Kim", "Rossi", "Okafor", "Silva", "Larsen", "Cohen"];

const products = [
  { sku: "JKT-RAIN-01", title: "Cascade Rain Jacket", priceCents: 12900, inventory: 14, tags: ["jacket", "rain", "waterproof", "outerwear", "packable"], description: "Waterproof, breathable 2.5-layer shell with taped seams and a helmet-compatible hood. Packs into its own pocket." },
  { sku: "JKT-DOWN-02", title: "Summit Down Parka", priceCents: 24900, inventory: 0, tags: ["jacket", "winter", "warm", "down", "insulated", "coat"], description: "800-fill responsibly sourced down parka for the coldest days, with a water-resistant shell and fleece-lined pockets." },
  { sku: "FLC-ZIP-03", title: "Ridge Fleece Quarter-Zip", priceCents: 6900, inventory: 32, tags: ["fleece", "layer", "warm", "pullover"], description: "Soft recycled midweight fleece pullover; a warm layer on its own or under a shell." },
  { sku: "BOOT-HIK-04", title: "Trailhead Hiking Boots", priceCents: 15900, inventory: 9, tags: ["boots", "hiking", "waterproof", "footwear", "shoes"], description: "Waterproof leather mid-height hiking boots with a grippy lugged sole and cushioned footbed for long days on the trail." },
  { sku: "SOCK-WOOL-05", title: "Merino Trail Socks (3-pack)", priceCents: 2900, inventory: 120, tags: ["socks", "merino", "wool", "hiking", "gift"], description: "Cushioned merino wool hiking socks that stay warm when wet and resist odor. Three pairs." },
  { sku: "PACK-DAY-06", title: "Switchback 24L Daypack", priceCents: 8900, inventory: 21, tags: ["backpack", "daypack", "hiking", "bag"], description: "Light 24-liter hiking daypack with a hydration sleeve, hip belt and rain cover." },
  { sku: "TENT-2P-07", title: "Basecamp 2-Person Tent", priceCents: 29900, inventory: 5, tags: ["tent", "camping", "backpacking"], description: "Freestanding two-person backpacking tent, 4 lb 2 oz, with two doors and a full rainfly." },
  { sku: "BAG-SLP-08", title: "Alpine 20F Sleeping Bag", priceCents: 17900, inventory: 0, tags: ["sleeping bag", "camping", "warm", "backpacking"], description: "Mummy sleeping bag rated to 20F with water-resistant down fill and a draft collar." },
  { sku: "HAT-SUN-09", title: "Wide-Brim Sun Hat", priceCents: 3400, inventory: 44, tags: ["hat", "sun", "summer", "gift"], description: "UPF 50 wide-brim hat with a chin strap; packable and quick-drying." },
  { sku: "BTL-INS-10", title: "Insulated Bottle 32oz", priceCents: 3900, inventory: 80, tags: ["bottle", "water bottle", "hydration", "gift"], description: "Vacuum-insulated stainless steel water bottle: cold for 24 hours, hot for 12." },
  { sku: "GLV-WTR-11", title: "Storm Gloves", priceCents: 4500, inventory: 17, tags: ["gloves", "winter", "waterproof", "gift"], description: "Waterproof insulated winter gloves with touchscreen fingertips." },
  { sku: "LMP-HD-12", title: "Headlamp 400", priceCents: 4900, inventory: 26, tags: ["headlamp", "camping", "light", "gift"], description: "Rechargeable 400-lumen headlamp with red light mode and a 40-hour battery." },
];

/** The help center the agent answers from; each `answer` fits one SMS with room for its link. */
const knowledgeArticles = [
  {
    title: "Shipping times and costs",
    tags: ["shipping", "delivery", "free shipping", "how long", "cost", "arrive"],
    answer: "Orders ship in 1-2 business days and arrive in 3-5 business days in the US. Shipping is free over $75, otherwise $6.95.",
    body: "We pack and ship orders placed before 2pm ET the same or next business day. Standard US shipping takes 3-5 business days after it ships; expedited 2-day shipping is available at checkout for $14.95. Standard shipping is free on orders of $75 or more after discounts; below that it is a flat $6.95. You get a tracking link by text and email once your order ships.",
    url: "https://juniper.example/help/shipping",
  },
  {
    title: "Returns and refunds",
    tags: ["returns", "return policy", "refund", "money back", "send back"],
    answer: "Return unused items within 30 days of delivery for a full refund to your original payment. Refunds post 5-7 days after we get it.",
    body: "Our return policy: unworn, unwashed items with tags can be returned within 30 days of delivery. Start a return online with your order number and email to print a free return label. Refunds go back to the original payment method within 5-7 business days after the return reaches our warehouse. Final-sale items cannot be returned.",
    url: "https://juniper.example/help/returns",
  },
  {
    title: "Exchanges for another size or color",
    tags: ["exchange", "swap", "different size", "different color", "wrong size"],
    answer: "Exchanges are free within 30 days: start one online and we ship the new size or color as soon as your return is scanned.",
    body: "Need a different size or color? Start an exchange online within 30 days of delivery. We email a free label and ship the replacement as soon as the carrier scans your package, so you don't wait for it to reach us. If the new item costs less, we refund the difference.",
    url: "https://juniper.example/help/exchanges",
  },
  {
    title: "Size guide and fit",
    tags: ["size", "sizing", "fit", "size chart", "measurements", "true to size", "small", "large"],
    answer: "Our apparel fits true to size; if you're between sizes or layer a lot, size up. Boots run a half size small.",
    body: "Jackets, fleece and base layers fit true to size with room for a light layer underneath. Between sizes or wearing thick layers? Go one size up. Our hiking boots run about a half size small, so order a half size up from your sneakers. Full measurements for every product are on the size chart.",
    url: "https://juniper.example/help/size-guide",
  },
  {
    title: "Store and support hours",
    tags: ["hours", "store hours", "open", "opening times", "closed", "location", "visit", "portland"],
    answer: "Our Portland store is open Mon-Sat 10am-7pm and Sun 11am-5pm PT. Text support is staffed Mon-Fri 9am-6pm ET.",
    body: "Visit our flagship store at 120 NW Juniper St, Portland, Oregon. Store hours: Monday to Saturday 10am to 7pm, Sunday 11am to 5pm Pacific. Our team answers texts and email Monday to Friday, 9am to 6pm Eastern; the automated assistant answers anytime.",
    url: "https://juniper.example/help/stores",
  },
  {
    title: "Shipping to Canada and international orders",
    tags: ["international", "canada", "ship to canada", "worldwide", "customs", "duties", "overseas"],
    answer: "We ship to Canada in 5-10 business days; rates show at checkout and duties are prepaid. We don't ship outside the US and Canada yet.",
    body: "We ship to every Canadian province and territory. Delivery takes 5-10 business days and the rate is calculated at checkout. Duties and taxes are collected at checkout, so there is nothing to pay on delivery. We don't ship to other countries yet.",
    url: "https://juniper.example/help/international",
  },
  {
    title: "Warranty",
    tags: ["warranty", "guarantee", "defect", "broken", "repair", "damaged"],
    answer: "Juniper gear has a 2-year warranty against defects. Text a photo of the issue and your order # and we'll repair or replace it.",
    body: "Every Juniper product is covered for 2 years from purchase against defects in materials and workmanship, such as failed zippers, seams or delamination. Normal wear and accidents are not covered, but we offer affordable repairs. To start a claim, send a photo and your order number.",
    url: "https://juniper.example/help/warranty",
  },
  {
    title: "Change or cancel an order",
    tags: ["cancel", "cancellation", "change order", "edit order", "update address", "modify"],
    answer: "We can change or cancel an order within 1 hour of purchase, before it's packed. Reply AGENT with your order # for a teammate.",
    body: "Orders are sent to our warehouse quickly. Within 1 hour of purchase we can still change the size, color, or shipping address, or cancel the order. After it is packed we can't change it, but you can return or exchange it once it arrives.",
    url: "https://juniper.example/help/order-changes",
  },
  {
    title: "Gift cards",
    tags: ["gift card", "gift cards", "gift certificate", "e-gift", "balance"],
    answer: "Digital gift cards come in $25 to $500, arrive by email and never expire. You can use them online or in our store.",
    body: "Juniper digital gift cards are sold in amounts from $25 to $500 and delivered by email, on the date you choose. They never expire and can be used online or in store, across several orders. Check a balance on the gift card page.",
    url: "https://juniper.example/gift-cards",
  },
  {
    title: "Payment methods",
    tags: ["payment", "pay", "credit card", "paypal", "apple pay", "afterpay", "installments"],
    answer: "We accept Visa, Mastercard, Amex, Discover, PayPal, Apple Pay and Shop Pay, plus Afterpay on orders from $35.",
    body: "Pay with any major credit or debit card, PayPal, Apple Pay or Shop Pay. Afterpay lets you split orders of $35 or more into four interest-free payments. Your card is charged when the order ships.",
    url: "https://juniper.example/help/payments",
  },
];

/** Consent mix: most shoppers subscribed, a few opted out, a few never subscribed. */
function consentFor(i: number): SmsConsent {
  if (i % 10 === 7) return "unsubscribed";
  if (i % 10 === 9) return "never_subscribed";
  return "subscribed";
}

const DAY = 86_400_000;

type OrderSeed = { number: string; shopper: number; status: OrderStatus; items: number[]; placedDaysAgo: number; carrier?: string; tracking?: string; etaDays?: number; deliveredDaysAgo?: number };

/** Orders 1001–1020; the first four are the README's examples (one per state). */
const orders: OrderSeed[] = [
  { number: "1001", shopper: 1, status: "shipped", items: [0, 4], placedDaysAgo: 3, carrier: "UPS", tracking: "1Z999AA10123456784", etaDays: 2 },
  { number: "1002", shopper: 2, status: "processing", items: [3], placedDaysAgo: 1, etaDays: 6 },
  { number: "1003", shopper: 3, status: "delivered", items: [5, 9], placedDaysAgo: 9, carrier: "USPS", tracking: "9400111899223100012345", deliveredDaysAgo: 4 },
  { number: "1004", shopper: 4, status: "cancelled", items: [6], placedDaysAgo: 6 },
  { number: "1005", shopper: 1, status: "delivered", items: [8], placedDaysAgo: 30, carrier: "USPS", tracking: "9400111899223100067890", deliveredDaysAgo: 25 },
  { number: "1006", shopper: 5, status: "shipped", items: [2, 10], placedDaysAgo: 2, carrier: "FedEx", tracking: "771234567890", etaDays: 3 },
  { number: "1007", shopper: 6, status: "processing", items: [11], placedDaysAgo: 0, etaDays: 7 },
  { number: "1008", shopper: 8, status: "delivered", items: [0], placedDaysAgo: 14, carrier: "UPS", tracking: "1Z999AA10123456785", deliveredDaysAgo: 10 },
  { number: "1009", shopper: 10, status: "shipped", items: [4, 4], placedDaysAgo: 4, carrier: "USPS", tracking: "9400111899223100099999", etaDays: 1 },
  { number: "1010", shopper: 11, status: "cancelled", items: [1], placedDaysAgo: 12 },
  { number: "1011", shopper: 12, status: "delivered", items: [3, 4], placedDaysAgo: 20, carrier: "FedEx", tracking: "771234567891", deliveredDaysAgo: 15 },
  { number: "1012", shopper: 13, status: "processing", items: [9], placedDaysAgo: 1, etaDays: 5 },
  { number: "1013", shopper: 14, status: "shipped", items: [5], placedDaysAgo: 5, carrier: "UPS", tracking: "1Z999AA10123456786", etaDays: 2 },
  { number: "1014", shopper: 15, status: "delivered", items: [7], placedDaysAgo: 40, carrier: "UPS", tracking: "1Z999AA10123456787", deliveredDaysAgo: 35 },
  { number: "1015", shopper: 16, status: "shipped", items: [2], placedDaysAgo: 3, carrier: "USPS", tracking: "9400111899223100055555", etaDays: 3 },
  { number: "1016", shopper: 18, status: "processing", items: [6, 11], placedDaysAgo: 2, etaDays: 8 },
  { number: "1017", shopper: 20, status: "delivered", items: [10], placedDaysAgo: 18, carrier: "USPS", tracking: "9400111899223100044444", deliveredDaysAgo: 12 },
  { number: "1018", shopper: 21, status: "shipped", items: [0, 2], placedDaysAgo: 2, carrier: "FedEx", tracking: "771234567892", etaDays: 4 },
  { number: "1019", shopper: 22, status: "cancelled", items: [8], placedDaysAgo: 8 },
  { number: "1020", shopper: 23, status: "delivered", items: [4], placedDaysAgo: 11, carrier: "UPS", tracking: "1Z999AA10123456788", deliveredDaysAgo: 7 },
];

function trackingUrl(carrier: string, tracking: string): string {
  switch (carrier) {
    case "UPS":
      return `https://www.ups.com/track?tracknum=${tracking}`;
    case "FedEx":
      return `https://www.fedex.com/fedextrack/?trknbr=${tracking}`;
    default:
      return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${tracking}`;
  }
}

/**
 * What start-up and the seed print for the demo user's password: the public default as it is (the
 * sign-in page shows it too), a password chosen with DEMO_PASSWORD never (logs are not for secrets).
 */
export function demoPasswordForLogs(password: string): string {
  return password === "parley-demo" ? password : "(the password in DEMO_PASSWORD)";
}

/** DEMO_TWILIO_ACCOUNT_SID / DEMO_TWILIO_AUTH_TOKEN, when both are set. */
export function demoTwilio(e: { DEMO_TWILIO_ACCOUNT_SID?: string; DEMO_TWILIO_AUTH_TOKEN?: string }) {
  return e.DEMO_TWILIO_ACCOUNT_SID && e.DEMO_TWILIO_AUTH_TOKEN ? { accountSid: e.DEMO_TWILIO_ACCOUNT_SID, authToken: e.DEMO_TWILIO_AUTH_TOKEN } : undefined;
}

export function demoShopperPhone(i: number): string {
  return `+1555555${String(100 + i).padStart(4, "0")}`;
}

/** Seeds the demo brand unless it exists. Returns whether anything was created. */
export async function seedDemo(
  db: Db,
  opts: { password: string; now?: Date; twilio?: { accountSid: string; authToken: string } },
): Promise<boolean> {
  if (await db.brand.findUnique({ where: { slug: DEMO.brandSlug } })) return false;
  const now = opts.now ?? new Date();
  const brand = await db.brand.create({
    data: { name: DEMO.brandName, slug: DEMO.brandSlug, smsNumber: DEMO.smsNumber, timeZone: "America/New_York", industry: "outdoor apparel", websiteUrl: "https://juniper.example", twilioAccountSid: opts.twilio?.accountSid ?? null, twilioAuthToken: opts.twilio ? encryptSecret(opts.twilio.authToken) : null },
  });
  await db.agentSettings.create({
    data: { brandId: brand.id, brandSummary: "Juniper Outdoor sells rain jackets, fleece, boots and camping gear. Free shipping over $75; 30-day returns." },
  });
  const user = await db.user.upsert({
    where: { email: DEMO.userEmail },
    update: {},
    create: { email: DEMO.userEmail, name: DEMO.userName, passwordHash: await hashPassword(opts.password) },
  });
  await db.membership.create({ data: { userId: user.id, brandId: brand.id, role: "owner" } });
  const teammate = await db.user.upsert({
    where: { email: DEMO.memberEmail },
    update: {},
    create: { email: DEMO.memberEmail, name: DEMO.memberName, passwordHash: await hashPassword(opts.password) },
  });
  await db.membership.create({ data: { userId: teammate.id, brandId: brand.id, role: "member" } });

  const profileIds: string[] = [];
  for (let i = 1; i <= 50; i++) {
    const firstName = firstNames[(i - 1) % firstNames.length]!;
    const lastName = lastNames[(i - 1) % lastNames.length]!;
    const consent = consentFor(i);
    const p = await db.profile.create({
      data: {
        brandId: brand.id,
        phone: demoShopperPhone(i),
        firstName,
        lastName,
        email: `${firstName}.${lastName}${i}@example.com`.toLowerCase(),
        smsConsent: consent,
        properties: { city: ["Portland", "Denver", "Austin", "Boston", "Seattle"][i % 5]!, vip: i % 6 === 0 },
      },
    });
    if (consent !== "never_subscribed") {
      await db.consentChange.create({ data: { brandId: brand.id, profileId: p.id, from: "never_subscribed", to: "subscribed", source: "seed" } });
    }
    if (consent === "unsubscribed") {
      await db.consentChange.create({ data: { brandId: brand.id, profileId: p.id, from: "subscribed", to: "unsubscribed", source: "seed" } });
    }
    profileIds.push(p.id);
  }

  const productRows = await Promise.all(
    products.map((p) =>
      db.product.create({ data: { ...p, brandId: brand.id, url: `https://juniper.example/p/${p.sku.toLowerCase()}` } }),
    ),
  );
  await db.knowledgeArticle.createMany({ data: knowledgeArticles.map((a) => ({ ...a, brandId: brand.id })) });

  for (const o of orders) {
    const items = o.items.map((idx) => ({ sku: productRows[idx]!.sku, title: productRows[idx]!.title, quantity: 1, priceCents: productRows[idx]!.priceCents }));
    const placedAt = new Date(now.getTime() - o.placedDaysAgo * DAY);
    const totalCents = items.reduce((n, i) => n + i.priceCents, 0);
    // The order history as events too, so segments on "Placed Order" work from the first start.
    await db.event.create({
      data: {
        brandId: brand.id,
        profileId: profileIds[o.shopper - 1]!,
        name: EventName.placedOrder,
        properties: { orderNumber: o.number, value: totalCents / 100, currency: "USD", itemCount: items.length, source: "seed" },
        dedupeKey: `order:${o.number}`,
        occurredAt: placedAt,
      },
    });
    await db.order.create({
      data: {
        brandId: brand.id,
        profileId: profileIds[o.shopper - 1]!,
        number: o.number,
        status: o.status,
        totalCents,
        items,
        carrier: o.carrier ?? null,
        trackingNumber: o.tracking ?? null,
        trackingUrl: o.carrier && o.tracking ? trackingUrl(o.carrier, o.tracking) : null,
        expectedDeliveryAt: o.etaDays !== undefined ? new Date(now.getTime() + o.etaDays * DAY) : null,
        deliveredAt: o.deliveredDaysAgo !== undefined ? new Date(now.getTime() - o.deliveredDaysAgo * DAY) : null,
        placedAt,
      },
    });
  }
  // Segments a marketer finds on the Segments page: VIPs, recent buyers, and the ready-made examples.
  const demoSegments = demoSegmentList();
  await db.segment.createMany({ data: demoSegments.map((s) => ({ ...s, brandId: brand.id })) });
  // An assistant and an example SMS workflow, left inactive so the agent behaves as documented until a marketer turns it on.
  const concierge = await db.assistant.create({
    data: { brandId: brand.id, name: "Juniper concierge", instructions: "Warm and brief, like a trail guide. Mention free shipping over $75 when it helps.", model: "builtin" },
  });
  await db.smsWorkflow.create({
    data: {
      brandId: brand.id,
      name: "Team and group orders (example)",
      goal: "lead_capture",
      description: "Collects a contact's name, email and company when a club or company asks about group pricing, and saves them for the sales team.",
      context: "Group pricing starts at 10 items: 10% off 10-24, 15% off 25 or more. Quotes go out by email within one business day.",
      keywords: ["group order", "team order", "wholesale", "bulk", "quote"],
      priority: 5,
      isActive: false,
      assistantId: concierge.id,
      steps: [
        { id: "collect", type: "extract", config: { fields: ["name", "email", "company"] } },
        { id: "save", type: "save", config: { collection: "group orders" } },
      ],
    },
  });
  return true;
}
