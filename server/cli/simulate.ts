/**
 * npm run simulate -- --from <E.164> "<text>" [--brand <slug>]
 * Sends one shopper text through the same pipeline as Twilio's webhook on the configured
 * database and prints { disposition, replies, conversationId, conversation, events } as JSON, where
 * conversation is { id, status, waitingForPerson, assignee } after the text.
 */
import { parseArgs } from "node:util";
import { closeDb, getDb } from "../db";
import { applyMigrations } from "../db/migrate";
import { env } from "../env";
import { startWorker, stopWorker } from "../jobs";
import { simulateText } from "../simulator";
import { DEMO, demoTwilio, seedDemo } from "../../prisma/seed";

async function main() {
  const { values, positionals } = parseArgs({
    options: { from: { type: "string" }, brand: { type: "string" } },
    allowPositionals: true,
  });
  const body = positionals.join(" ");
  if (!values.from || !body) {
    console.error('Usage: npm run simulate -- --from +15555550101 "where is my order #1001"');
    process.exit(2);
  }
  const db = getDb();
  await applyMigrations();
  await seedDemo(db, { password: env().DEMO_PASSWORD, twilio: demoTwilio(env()) });
  const brand = await db.brand.findUnique({ where: { slug: values.brand ?? DEMO.brandSlug } });
  if (!brand) throw new Error(`No brand with slug "${values.brand}".`);
  await startWorker();
  const result = await simulateText(db, { brandId: brand.id, from: values.from, body });
  console.log(JSON.stringify({ disposition: result.disposition, replies: result.replies.map(({ body, encoding, segments }) => ({ body, encoding, segments })), conversationId: result.conversationId, conversation: result.conversation, events: result.events }, null, 2));
}

main()
  .then(async () => {
    await stopWorker();
    await closeDb();
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? (error as { userMessage?: string }).userMessage ?? error.message : error);
    await stopWorker().catch(() => undefined);
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
