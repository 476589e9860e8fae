import "server-only";
// Whether this instance accepts writes, decided by how the server was started and by a secret,
// never by a header the client chooses. Off unless TAGGING_ENABLED=1, so a published dashboard
// cannot be edited by its readers. Two ways to write:
// - secret mode (TAGGING_SECRET set): every write carries it in x-tagging-secret (compared in
//   constant time); the server may listen on any interface. Browsers and scripts alike.
// - loopback mode (no secret): `npm start` (scripts/start.ts) binds 127.0.0.1 and says so by
//   setting TAGGING_LOOPBACK_ONLY=1, so only this machine can connect. A route handler cannot
//   see the peer address, so that binding is the guarantee; without it, writes are refused.
//   Only browsers (requests with Origin or Sec-Fetch-Site, checked same-origin in
//   lib/http/origin.ts) may write, and only to a loopback host name, which stops a DNS-rebinding
//   page (evil.example resolving to 127.0.0.1) from passing as this site.
import { timingSafeEqual } from "node:crypto";
import { browserSignals } from "../http/origin";
import { LOOPBACK_FLAG_NAME } from "./loopback-flag";

export type TaggingMode = { enabled: boolean; secretRequired: boolean };

export function taggingMode(): TaggingMode {
  return { enabled: process.env.TAGGING_ENABLED === "1", secretRequired: Boolean(process.env.TAGGING_SECRET) };
}

const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/i;

function forbidden(message: string): Response {
  return Response.json({ error: message, issues: [] }, { status: 403 });
}

/** null when this instance takes writes at all, otherwise the 403 to send. */
export function refuseUnlessEnabled(): Response | null {
  return taggingMode().enabled ? null : forbidden("Tagging is disabled on this instance (set TAGGING_ENABLED=1 to allow edits).");
}

/** null when the request may write, otherwise the 403 to send. */
export function refuseWrite(request: Request): Response | null {
  const disabled = refuseUnlessEnabled();
  if (disabled) return disabled;
  const secret = process.env.TAGGING_SECRET;
  if (secret) {
    const given = Buffer.from(request.headers.get("x-tagging-secret") ?? "");
    const want = Buffer.from(secret);
    if (given.length !== want.length || !timingSafeEqual(given, want)) return forbidden("Wrong or missing tagging secret.");
    return null;
  }
  if (process.env[LOOPBACK_FLAG_NAME] !== "1") {
    return forbidden("Tagging without TAGGING_SECRET needs the server bound to 127.0.0.1: start it with `npm start`, or set TAGGING_SECRET.");
  }
  const { origin, fetchSite } = browserSignals(request);
  if (origin === null && fetchSite === null) {
    return forbidden("Without TAGGING_SECRET only the app's own pages may write (this request carries no Origin); set TAGGING_SECRET for scripts, or use `npm run annotations -- load`.");
  }
  if (!LOOPBACK_HOST.test(request.headers.get("host") ?? "")) {
    return forbidden("Without TAGGING_SECRET the app must be addressed as localhost or 127.0.0.1 to write.");
  }
  return null;
}
