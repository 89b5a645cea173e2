import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("configuration", () => {
  it("needs nothing for the embedded defaults", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(e.PORT).toBe(3000);
    expect(e.WORKER_MODE).toBe("embedded");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ AI_PROVIDER: "gpt" })).toThrow(/AI_PROVIDER/);
  });

  it("believes no proxy unless told how many stand in front", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY: must be the number of proxies/);
    expect(() => parseEnv({ TRUST_PROXY: "-1" })).toThrow(/TRUST_PROXY/);
  });

  it("reads OUTBOUND_ALLOWED_HOSTS as hosts with optional ports, and names a bad entry", () => {
    expect(parseEnv({}).OUTBOUND_ALLOWED_HOSTS).toEqual([]);
    expect(parseEnv({ OUTBOUND_ALLOWED_HOSTS: " 127.0.0.1:4567, Helpdesk.Internal ,[::1]:8443,127.1" }).OUTBOUND_ALLOWED_HOSTS).toEqual([
      { hostname: "127.0.0.1", port: 4567 },
      { hostname: "helpdesk.internal", port: null },
      { hostname: "[::1]", port: 8443 },
      { hostname: "127.0.0.1", port: null },
    ]);
    expect(() => parseEnv({ OUTBOUND_ALLOWED_HOSTS: "127.0.0.1,http://helpdesk.internal" })).toThrow(/OUTBOUND_ALLOWED_HOSTS: “http:\/\/helpdesk.internal” is not a host or host:port/);
    expect(() => parseEnv({ OUTBOUND_ALLOWED_HOSTS: "helpdesk.internal:99999" })).toThrow(/OUTBOUND_ALLOWED_HOSTS/);
    expect(() => parseEnv({ OUTBOUND_ALLOWED_HOSTS: "::1" })).toThrow(/OUTBOUND_ALLOWED_HOSTS/);
  });
});
