// Cross-site request forgery guards for the one write shape. A browser always sends `Origin`
// on a POST, PATCH or DELETE fetch, and `Sec-Fetch-Site` on a secure (or localhost) origin, so
// a write from another site, a `file://` page or a sandboxed frame is recognised by them.
// A request with neither is not a browser's (curl, a script); lib/coding/authority.ts decides
// whether such a client may write. Only JSON bodies are accepted: a `<form>` or a no-cors
// fetch cannot send `application/json` without a CORS preflight, which this app never grants.

function refusal(status: number, error: string): Response {
  return Response.json({ error, issues: [] }, { status });
}

/** The origin the request was addressed to, as the browser would write it. */
export function ownOrigin(request: Request): string {
  return new URL(request.url).origin;
}

export type BrowserSignals = { origin: string | null; fetchSite: string | null };

export function browserSignals(request: Request): BrowserSignals {
  return { origin: request.headers.get("origin"), fetchSite: request.headers.get("sec-fetch-site") };
}

/** null when the request comes from this site's own pages (or from no browser at all), else a 403. */
export function refuseCrossSite(request: Request): Response | null {
  const { origin, fetchSite } = browserSignals(request);
  if (origin !== null && origin !== ownOrigin(request)) {
    return refusal(403, `Cross-site write refused: Origin ${origin} is not this site (${ownOrigin(request)}).`);
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
