/**
 * A TCP proxy on loopback for fault tests: the app connects to it instead of PostgreSQL. outage(ms)
 * cuts every open connection and refuses new ones (the port stops listening) for that long — from
 * the app's side exactly a database restart — without touching the shared PostgreSQL server.
 */
import net from "node:net";

export type TcpProxy = {
  port: number;
  /** `connectionString` with its host and port pointed at the proxy. */
  proxied(connectionString: string): string;
  /** Connections cut so far, by outages. */
  readonly cut: number;
  /** Cuts every connection now and refuses new ones until `ms` have passed. */
  outage(ms: number): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let cut = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    proxied(connectionString) {
      const url = new URL(connectionString);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    get cut() {
      return cut;
    },
    async outage(ms) {
      server.close();
      for (const pair of [...pairs]) {
        cut++;
        // A reset, not a polite FIN: the server went away mid-conversation.
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      }
      pairs.clear();
      await new Promise((r) => setTimeout(r, ms));
      await listen(port);
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
