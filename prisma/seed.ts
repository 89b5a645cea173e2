/**
 * The demo brand: a sending number, a demo user, ~50 shoppers with mixed SMS consent, a small
 * catalogue and orders in every state. Idempotent: an existing demo brand is left as it is.
 * README.md lists the shoppers and order numbers worth trying.
 */
import type { Db, OrderStatus, SmsConsent } from "../server/db";
import { hashPassword } from "../server/auth/password";

export const DEMO = {
  brandSlug: "juniper-outdoor",
  brandName: "Juniper Outdoor",
  smsNumber: "+15555550100",
  userEmail: "demo@parley.dev",
  userName: "Dana Demo",
};

const firstNames = ["Ava", "Liam", "Mia", "Noah", "Zoe", "Ethan", "Ivy", "Lucas", "Nora", "Owen", "Ruby", "Eli", "Maya", "Jack", "Lena", "Theo", "Aria", "Leo", "Cora", "Finn", "Isla", "Milo", "Jade", "Ezra", "Luna"];
const lastNames = ["Thompson", "Garcia", "Nguyen", "Patel", "Kim", "Rossi", "Okafor", "Silva", "Larsen", "Cohen"];

const products = [
  { sku: "JKT-RAIN-01", title: "Cascade Rain Jacket", priceCents: 12900, inventory: 14, tags: ["jacket", "rain", "waterproof", "outerwear"] },
  { sku: "JKT-DOWN-02", title: "Summit Down Parka", priceCents: 24900, inventory: 0, tags: ["jacket", "winter", "warm", "down"] },
  { sku: "FLC-ZIP-03", title: "Ridge Fleece Quarter-Zip", priceCents: 6900, inventory: 32, tags: ["fleece", "layer", "warm"] },
  { sku: "BOOT-HIK-04", title: "Trailhead Hiking Boots", priceCents: 15900, inventory: 9, tags: ["boots", "hiking", "waterproof", "footwear"] },
  { sku: "SOCK-WOOL-05", title: "Merino Trail Socks (3-pack)", priceCents: 2900, inventory: 120, tags: ["socks", "merino", "hiking"] },
  { sku: "PACK-DAY-06", title: "Switchback 24L Daypack", priceCents: 8900, inventory: 21, tags: ["backpack", "daypack", "hiking"] },
  { sku: "TENT-2P-07", title: "Basecamp 2-Person Tent", priceCents: 29900, inventory: 5, tags: ["tent", "camping"] },
  { sku: "BAG-SLP-08", title: "Alpine 20F Sleeping Bag", priceCents: 17900, inventory: 0, tags: ["sleeping bag", "camping", "warm"] },
  { sku: "HAT-SUN-09", title: "Wide-Brim Sun Hat", priceCents: 3400, inventory: 44, tags: ["hat", "sun", "summer"] },
  { sku: "BTL-INS-10", title: "Insulated Bottle 32oz", priceCents: 3900, inventory: 80, tags: ["bottle", "hydration"] },
  { sku: "GLV-WTR-11", title: "Storm Gloves", priceCents: 4500, inventory: 17, tags: ["gloves", "winter", "waterproof"] },
  { sku: "LMP-HD-12", title: "Headlamp 400", priceCents: 4900, inventory: 26, tags: ["headlamp", "camping", "light"] },
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
    data: { name: DEMO.brandName, slug: DEMO.brandSlug, smsNumber: DEMO.smsNumber, timeZone: "America/New_York", industry: "outdoor apparel", websiteUrl: "https://juniper.example", twilioAccountSid: opts.twilio?.accountSid ?? null, twilioAuthToken: opts.twilio?.authToken ?? null },
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
      db.product.create({ data: { ...p, brandId: brand.id, description: `${p.title} from Juniper Outdoor.`, url: `https://juniper.example/p/${p.sku.toLowerCase()}` } }),
    ),
  );

  for (const o of orders) {
    const items = o.items.map((idx) => ({ sku: productRows[idx]!.sku, title: productRows[idx]!.title, quantity: 1, priceCents: productRows[idx]!.priceCents }));
    await db.order.create({
      data: {
        brandId: brand.id,
        profileId: profileIds[o.shopper - 1]!,
        number: o.number,
        status: o.status,
        totalCents: items.reduce((n, i) => n + i.priceCents, 0),
        items,
        carrier: o.carrier ?? null,
        trackingNumber: o.tracking ?? null,
        trackingUrl: o.carrier && o.tracking ? trackingUrl(o.carrier, o.tracking) : null,
        expectedDeliveryAt: o.etaDays !== undefined ? new Date(now.getTime() + o.etaDays * DAY) : null,
        deliveredAt: o.deliveredDaysAgo !== undefined ? new Date(now.getTime() - o.deliveredDaysAgo * DAY) : null,
        placedAt: new Date(now.getTime() - o.placedDaysAgo * DAY),
      },
    });
  }
  return true;
}
