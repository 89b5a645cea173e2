/**
 * The benchmark's own PostgreSQL database: created when missing, dropped on --regenerate, migrated
 * with the app's migrations. Generation talks to it through node-postgres (session settings, big
 * statements); measurements go through the app's Prisma client like the product does.
 */
import pg from "pg";

/** The same server's maintenance database, for CREATE / DROP DATABASE. */
function maintenanceUrl(url: string): { adminUrl: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`bench:scale: use a plain database name (letters, digits, _), not "${database}"`);
  parsed.pathname = "/postgres";
  return { adminUrl: parsed.toString(), database };
}

async function withAdmin<T>(url: string, work: (client: pg.Client, database: string) => Promise<T>): Promise<T> {
  const { adminUrl, database } = maintenanceUrl(url);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client, database);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(url: string): Promise<"created" | "existed"> {
  return withAdmin(url, async (client, database) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return "existed";
    await client.query(`CREATE DATABASE "${database}"`);
    return "created";
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await withAdmin(url, async (client, database) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });
}

export async function connectBenchDatabase(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
