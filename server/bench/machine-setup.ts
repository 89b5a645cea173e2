/** What the figures were measured on: CPU count and model, load, Node and PostgreSQL versions. */
import os from "node:os";
import pg from "pg";

export type MachineSetup = {
  machine: { cpus: number; model: string; memGb: number; loadAvg1m: number; node: string; postgres: string | null; platform: string };
};

let cachedPostgres: Promise<string | null> | undefined;

function postgresVersion(adminUrl: string): Promise<string | null> {
  cachedPostgres ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
      return rows[0]?.server_version ?? null;
    } catch {
      return null;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return cachedPostgres;
}

/** Read at the moment of each figure, so the load average says how busy the box was. */
export async function machineSetup(adminUrl: string): Promise<MachineSetup> {
  const cpus = os.cpus();
  return {
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model.trim() ?? "unknown",
      memGb: Math.round(os.totalmem() / 2 ** 30),
      loadAvg1m: Math.round(os.loadavg()[0]! * 100) / 100,
      node: process.version,
      postgres: await postgresVersion(adminUrl),
      platform: `${os.platform()} ${os.release()}`,
    },
  };
}
