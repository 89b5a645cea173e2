/**
 * CSRF for cookie-authenticated endpoints (tRPC): a state-changing request must come from our own
 * pages. Browsers send Sec-Fetch-Site and Origin on every cross-site POST, so a request that says
 * it is cross-site, or whose Origin is another site, is refused. Requests with neither header (a
 * server-to-server call, curl, Playwright's request fixture) carry no browser cookies by accident
 * and are allowed; they still need a session.
 */
import { publicUrl } from "../env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The hosts a page of ours is served from: the Host header (and a proxy's X-Forwarded-Host) and PUBLIC_URL's host. */
function ourHosts(req: Request): Set<string> {
  const hosts = new Set<string>([new URL(publicUrl()).host]);
  for (const name of ["host", "x-forwarded-host"]) {
    const value = req.headers.get(name)?.split(",")[0]?.trim();
    if (value) hosts.add(value.toLowerCase());
  }
  return hosts;
}

/** Why a request must be refused as cross-site, or null when it may proceed. */
export function crossSiteRefusal(req: Request): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return `Cross-site request refused: Parley only accepts changes from its own pages (Sec-Fetch-Site: ${fetchSite}).`;
  }
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host.toLowerCase();
  } catch {
    host = null;
  }
  if (!host || !ourHosts(req).has(host)) {
    return `Cross-site request refused: Parley only accepts changes from its own pages (Origin: ${origin}).`;
  }
  return null;
}
