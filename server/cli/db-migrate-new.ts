/**
 * npm run db:migrate:new -- <name> — write the next migration from prisma/schema.prisma.
 * Diffs the committed migrations against the schema on a throwaway in-memory database, so it
 * needs no running database and no internet.
 */
process.env.PGLITE_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

async function main() {
  const name = process.argv.slice(2).join("_");
  const { writeNextMigration } = await import("../db/migrate");
  const { closeDb } = await import("../db");
  const file = await writeNextMigration(name);
  console.log(file ? `Wrote ${file}\nApply it with: npm run db:migrate` : "The schema matches the migrations; nothing to write.");
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
