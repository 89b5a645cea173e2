/** npm run db:migrate — apply pending migrations to the configured database (PGlite or PostgreSQL). */
import { closeDb, databaseKind } from "../db";
import { applyMigrations } from "../db/migrate";

async function main() {
  const applied = await applyMigrations();
  console.log(applied.length ? `Applied ${applied.length} migration(s) on ${databaseKind()}: ${applied.join(", ")}` : `Database (${databaseKind()}) is up to date.`);
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
