// `npm start` (after prestart's db setup and build) and `npm run dev`: runs `next start` or
// `next dev` bound where this mode allows (lib/coding/listen.ts) and says which mode it is in.
// Extra arguments go to Next: `npm start -- -p 4000`.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { listenPlan } from "../lib/coding/listen";

const [command = "start", ...rest] = process.argv.slice(2);
if (command !== "start" && command !== "dev") {
  console.error(`usage: tsx scripts/start.ts [start|dev] [next options]; got "${command}"`);
  process.exit(2);
}
const plan = listenPlan(process.env, rest);
if (!plan.ok) {
  console.error(plan.error);
  process.exit(1);
}
console.log(plan.notice);
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, command, ...plan.args], { stdio: "inherit", env: { ...process.env, ...plan.env } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
