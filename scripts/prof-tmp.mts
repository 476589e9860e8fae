process.env.DATABASE_URL = `file:${process.argv[2]}`;
const q = await import("../lib/queries/analytics");
const { parseFilters } = await import("../lib/filters/schema");
const f = (s: string) => { const r = parseFilters(new URLSearchParams(s)); if (!r.ok) throw new Error(s); return r.value; };
for (const view of ["", "granularity=month&theme=reform&org=org-3", "orgRole=mentioned&org=org-2", "orgRole=mentioned&org=org-2&org=org-3", "from=2020-01-01&to=2020-12-31", "from=2020-01-15&to=2020-11-20", "coding=all", "status=reviewed&granularity=year"]) {
  for (const [name, fn] of [["timeline", q.getTimeline], ["bySource", q.getBySource], ["summary", q.getSummary]] as const) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) { const c = process.cpuUsage(); await fn(f(view)); const d = process.cpuUsage(c); times.push((d.user + d.system) / 1000); }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(9)} ${view.padEnd(45)} cpu median ${times[3].toFixed(1)} ms  min ${times[0].toFixed(1)}`);
  }
}
const c = process.cpuUsage(); for (let i = 0; i < 20; i++) await q.getCatalog(); const d = process.cpuUsage(c); console.log(`catalog x20 cpu ${((d.user + d.system) / 1000).toFixed(1)} ms`);
