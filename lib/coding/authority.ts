import "server-only";
// Whether this instance accepts writes. Off unless TAGGING_ENABLED=1, so a published
// dashboard cannot be edited by its readers. With TAGGING_SECRET set, every write must carry
// it (header x-tagging-secret); without one, writes are accepted only on a loopback address.
import { timingSafeEqual } from "node:crypto";

export type TaggingMode = { enabled: boolean; secretRequired: boolean };

export function taggingMode(): TaggingMode {
  return { enabled: process.env.TAGGING_ENABLED === "1", secretRequired: Boolean(process.env.TAGGING_SECRET) };
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

function forbidden(message: string): Response {
  return Response.json({ error: message }, { status: 403 });
}

/** null when the request may write, otherwise the 403 to send. */
export function refuseWrite(request: Request): Response | null {
  const mode = taggingMode();
  if (!mode.enabled) return forbidden("Tagging is disabled on this instance (set TAGGING_ENABLED=1 to allow edits).");
  const secret = process.env.TAGGING_SECRET;
  if (secret) {
    const given = Buffer.from(request.headers.get("x-tagging-secret") ?? "");
    const want = Buffer.from(secret);
    if (given.length !== want.length || !timingSafeEqual(given, want)) return forbidden("Wrong or missing tagging secret.");
    return null;
  }
  const host = request.headers.get("host") ?? "";
  if (!LOOPBACK.test(host)) return forbidden("Tagging without TAGGING_SECRET is only allowed on localhost.");
  return null;
}
