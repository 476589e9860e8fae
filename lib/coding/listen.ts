// Where the server may listen, decided before it starts (scripts/start.ts): with tagging on
// and no TAGGING_SECRET, writes are trusted to come from this machine, so the server binds
// 127.0.0.1 and nothing else can connect. Pure: takes the environment and the CLI arguments.
import { LOOPBACK_FLAG_NAME } from "./loopback-flag";

export type ListenPlan =
  | { ok: true; args: string[]; env: Record<string, string>; notice: string }
  | { ok: false; error: string };

const HOST_FLAGS = new Set(["-H", "--hostname"]);
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\])$/i;

/** The `next start`/`next dev` arguments and environment for this mode, or why it cannot start. */
export function listenPlan(env: Record<string, string | undefined>, argv: readonly string[]): ListenPlan {
  const tagging = env.TAGGING_ENABLED === "1";
  const secret = Boolean(env.TAGGING_SECRET);
  const hostAt = argv.findIndex((a) => HOST_FLAGS.has(a) || a.startsWith("--hostname="));
  const host = hostAt < 0 ? undefined : argv[hostAt].startsWith("--hostname=") ? argv[hostAt].slice("--hostname=".length) : argv[hostAt + 1];
  if (!tagging) {
    return { ok: true, args: [...argv], env: { [LOOPBACK_FLAG_NAME]: "" }, notice: "Read-only: tagging is off (TAGGING_ENABLED=1 turns it on)." };
  }
  if (secret) {
    return { ok: true, args: [...argv], env: { [LOOPBACK_FLAG_NAME]: "" }, notice: "Tagging is on: every write must carry TAGGING_SECRET (header x-tagging-secret)." };
  }
  if (host !== undefined && !LOOPBACK.test(host)) {
    return {
      ok: false,
      error: `Tagging without TAGGING_SECRET listens on 127.0.0.1 only, but --hostname ${host} was asked for. Set TAGGING_SECRET to serve other machines.`,
    };
  }
  return {
    ok: true,
    args: host === undefined ? [...argv, "-H", "127.0.0.1"] : [...argv],
    env: { [LOOPBACK_FLAG_NAME]: "1" },
    notice: "Tagging is on without TAGGING_SECRET: listening on 127.0.0.1 only, so only this machine can connect and write. Set TAGGING_SECRET to serve other machines.",
  };
}
