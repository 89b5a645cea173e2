/** npm run db:seed — seed the demo brand (idempotent). */
import { closeDb, getDb } from "../db";
import { env } from "../env";
import { DEMO, demoPasswordForLogs, demoTwilio, seedDemo } from "../../prisma/seed";

async function main() {
  const created = await seedDemo(getDb(), { password: env().DEMO_PASSWORD, twilio: demoTwilio(env()) });
  console.log(created ? `Seeded ${DEMO.brandName}. Sign in as ${DEMO.userEmail} / ${demoPasswordForLogs(env().DEMO_PASSWORD)} (owner), or ${DEMO.memberEmail} with the same password (member)` : `${DEMO.brandName} already exists.`);
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
