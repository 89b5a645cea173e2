/** The number of the demo brand `npm start` seeds (prisma/seed.ts, DEMO.smsNumber). */
export const DEMO_BRAND_NUMBER = "+15555550100";
