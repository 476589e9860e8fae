// Cross-site request forgery guards for the one write shape. A browser always sends `Origin`
// on a POST, PATCH or DELETE fetch, and `Sec-Fetch-Site` on a secure (or localhost) origin, so
// a write from another site, a `file://` page or a sandboxed frame is recognised by them.
// A request with neither is not a browser's (curl, a script); lib/coding/authority.ts decides
// whether such a client may write. Only JSON bodies are accepted: a `<form>` or a no-cors
// fetch cannot send `application/json` without a CORS preflight, which this app never grants.

function refusal(status: number, error: string): Response {
  return Response.json({ error, issues: [] }, { status });
}

/**
 * Whether `origin` names the host this request was addressed to. Next's `request.url` does not
 * carry the Host the client used (it reads `localhost` whatever was asked), so compare with the
 * Host header, or with X-Forwarded-Host from a reverse proxy. Neither can be forged by another
 * site's page: a cross-origin fetch cannot set X-Forwarded-Host (or send JSON) without a CORS
 * preflight, which this app never grants, and browsers set Host themselves.
 */
export function isOwnOrigin(request: Request, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (file://, sandboxed frames) and anything unparsable
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const hosts = [request.headers.get("x-forwarded-host")?.split(",")[0].trim(), request.headers.get("host")];
  return hosts.some((h) => {
    if (!h) return false;
    try {
      return new URL(`${url.protocol}//${h}`).host === url.host;
    } catch {
      return false;
    }
  });
}

/** How the request names its own host, for messages. */
function ownHost(request: Request): string {
  return request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "(no Host header)";
}

export type BrowserSignals = { origin: string | null; fetchSite: string | null };

export function browserSignals(request: Request): BrowserSignals {
  return { origin: request.headers.get("origin"), fetchSite: request.headers.get("sec-fetch-site") };
}

/** null when the request comes from this site's own pages (or from no browser at all), else a 403. */
export function refuseCrossSite(request: Request): Response | null {
  const { origin, fetchSite } = browserSignals(request);
  if (origin !== null && !isOwnOrigin(request, origin)) {
    return refusal(403, `Cross-site write refused: Origin ${origin} is not this site (${ownHost(request)}).`);
  }
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    return refusal(403, `Cross-site write refused: Sec-Fetch-Site is "${fetchSite}"; only this site's own pages may write.`);
  }
  return null;
}

/** null when the body is declared JSON (`application/json`, any parameters), else a 415. */
export function refuseNonJson(request: Request): Response | null {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return null;
  return refusal(415, `Writes must send Content-Type: application/json${type ? `, not ${type}` : " (none was given)"}.`);
}
