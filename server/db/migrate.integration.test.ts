import { describe, expect, it } from "vitest";
import { getDb } from ".";
import { applyMigrations, diffMigrationsToSchema } from "./migrate";

describe("migrations", () => {
  it("records applied migrations in Prisma's own _prisma_migrations table and applies nothing twice", async () => {
    const rows = await getDb().$queryRaw<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>`
      SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);
    expect(await applyMigrations()).toEqual([]);
  });

  // The first use of the schema engine in this file (the run's setup migrated the database this
  // file copies): it compiles the engine and replays every migration on a scratch database.
  it("has committed migrations that match schema.prisma (run npm run db:migrate:new if this fails)", { timeout: 60_000 }, async () => {
    const sql = await diffMigrationsToSchema();
    expect(sql).toContain("This is an empty migration");
  });
});
