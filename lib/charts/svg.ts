// Charts to take away: the timeline and by-source charts as standalone SVG, drawn on the
// server from the very read models the dashboard and the CSVs use. The image carries its
// own title, filters, n and codebook version, so a copy in a paper still says what it is.
// Gaps where a value is null (no coded articles), whiskers for the 95% intervals.
import { METRIC_LABELS, type Metric } from "../filters/schema";
import type { BySource, Timeline } from "../queries/analytics";

export type ChartMeta = { title: string; view: string; codebookVersion: string; articles: number; generatedAt: string };

const W = 960;
const FONT = `font-family="DejaVu Sans, Arial, Helvetica, sans-serif"`;

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

const fmt = (v: number, metric: Metric) => (metric === "passages" ? String(Math.round(v)) : `${v.toFixed(1)}%`);

/** Round the axis maximum up to a tidy step so the ticks read well. */
export function niceMax(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { top: Math.ceil(max / step) * step, step };
}

function header(meta: ChartMeta, metric: Metric): string {
  return [
    `<text x="24" y="32" font-size="20" font-weight="bold" fill="#111827">${escapeXml(meta.title)}</text>`,
    `<text x="24" y="54" font-size="13" fill="#374151">${escapeXml(`${METRIC_LABELS[metric]} · n = ${meta.articles} coded article${meta.articles === 1 ? "" : "s"} · codebook ${meta.codebookVersion}`)}</text>`,
    `<text x="24" y="72" font-size="12" fill="#4b5563">${escapeXml(`Filters: ${meta.view}`)}</text>`,
  ].join("");
}

function footer(meta: ChartMeta, y: number): string {
  return `<text x="24" y="${y}" font-size="11" fill="#6b7280">${escapeXml(`Policy Theme Tracker · generated ${meta.generatedAt} · 95% intervals as whiskers · gaps: no coded articles`)}</text>`;
}

function legend(themes: { name: string; colour: string }[], y: number): string {
  let x = 24;
  return themes
    .map((t) => {
      const s = `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${escapeXml(t.colour)}"/><text x="${x + 18}" y="${y}" font-size="12" fill="#111827">${escapeXml(t.name)}</text>`;
      x += 30 + t.name.length * 7.5;
      return s;
    })
    .join("");
}

function yAxis(top: number, step: number, metric: Metric, x0: number, x1: number, yOf: (v: number) => number): string {
  const out: string[] = [];
  for (let v = 0; v <= top + step / 1e6; v += step) {
    const y = yOf(v).toFixed(1);
    out.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${x0 - 6}" y="${y}" font-size="11" fill="#374151" text-anchor="end" dominant-baseline="middle">${fmt(v, metric)}</text>`);
  }
  return out.join("");
}

export function timelineSvg(t: Timeline, meta: ChartMeta): string {
  const H = 520;
  const L = 80;
  const R = W - 24;
  const T = 110;
  const B = H - 110;
  const values = t.periods.flatMap((p) => p.cells.flatMap((c) => [c.value, c.ci?.high ?? null])).filter((v): v is number => v !== null);
  const { top, step } = niceMax(Math.max(0, ...values));
  const yOf = (v: number) => B - (v / top) * (B - T);
  const nP = t.periods.length;
  const xOf = (i: number) => (nP <= 1 ? (L + R) / 2 : L + 12 + (i * (R - L - 24)) / (nP - 1));
  const parts: string[] = [header(meta, t.metric), legend(t.themes, 96), yAxis(top, step, t.metric, L, R, yOf)];
  parts.push(`<line x1="${L}" x2="${R}" y1="${B}" y2="${B}" stroke="#9ca3af"/>`);
  const every = Math.max(1, Math.ceil(nP / 12));
  t.periods.forEach((p, i) => {
    const x = xOf(i).toFixed(1);
    if (i % every === 0 || i === nP - 1)
      parts.push(`<text x="${x}" y="${B + 18}" font-size="11" fill="#374151" text-anchor="middle">${escapeXml(p.label)}</text>`);
    parts.push(`<text x="${x}" y="${B + 36}" font-size="10" fill="#6b7280" text-anchor="middle">n=${p.articles}</text>`);
  });
  parts.push(`<text x="${L - 6}" y="${B + 36}" font-size="10" fill="#6b7280" text-anchor="end">coded:</text>`);
  t.themes.forEach((theme, k) => {
    const colour = escapeXml(theme.colour);
    // A line only joins neighbouring periods that both have a value: null is a gap.
    let run: string[] = [];
    const runs: string[][] = [];
    t.periods.forEach((p, i) => {
      const c = p.cells[k];
      if (c?.value === null || c?.value === undefined) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push(`${xOf(i).toFixed(1)},${yOf(c.value).toFixed(1)}`);
    });
    if (run.length) runs.push(run);
    for (const r of runs) if (r.length > 1) parts.push(`<polyline points="${r.join(" ")}" fill="none" stroke="${colour}" stroke-width="2.5" data-theme="${escapeXml(theme.slug)}"/>`);
    t.periods.forEach((p, i) => {
      const c = p.cells[k];
      if (c?.value === null || c?.value === undefined) return;
      const x = xOf(i).toFixed(1);
      if (c.ci) {
        const [y1, y2] = [yOf(c.ci.low).toFixed(1), yOf(c.ci.high).toFixed(1)];
        parts.push(`<g class="whisker" stroke="${colour}" stroke-width="1.2"><line x1="${x}" x2="${x}" y1="${y1}" y2="${y2}"/><line x1="${Number(x) - 4}" x2="${Number(x) + 4}" y1="${y1}" y2="${y1}"/><line x1="${Number(x) - 4}" x2="${Number(x) + 4}" y1="${y2}" y2="${y2}"/></g>`);
      }
      parts.push(`<circle class="point" cx="${x}" cy="${yOf(c.value).toFixed(1)}" r="4" fill="${colour}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(`${theme.name}, ${p.label}: ${fmt(c.value, t.metric)}`)}</title></circle>`);
    });
  });
  parts.push(footer(meta, H - 24));
  return wrap(H, meta.title, parts);
}

export function bySourceSvg(b: BySource, meta: ChartMeta): string {
  const L = 240;
  const R = W - 40;
  const T = 110;
  const band = Math.max(24, b.themes.length * 14 + 12);
  const B = T + band * Math.max(1, b.sources.length);
  const H = B + 70;
  const values = b.sources.flatMap((s) => s.cells.flatMap((c) => [c.value, c.ci?.high ?? null])).filter((v): v is number => v !== null);
  const { top, step } = niceMax(Math.max(0, ...values));
  const xOf = (v: number) => L + (v / top) * (R - L);
  const parts: string[] = [header(meta, b.metric), legend(b.themes, 96)];
  for (let v = 0; v <= top + step / 1e6; v += step) {
    const x = xOf(v).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${T}" y2="${B}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${x}" y="${B + 16}" font-size="11" fill="#374151" text-anchor="middle">${fmt(v, b.metric)}</text>`);
  }
  b.sources.forEach((s, i) => {
    const y0 = T + i * band;
    const label = s.articles > 0 ? `${s.name} (n=${s.articles})` : `${s.name} (no coded articles)`;
    parts.push(`<text x="${L - 8}" y="${y0 + band / 2}" font-size="12" fill="#111827" text-anchor="end" dominant-baseline="middle">${escapeXml(label)}</text>`);
    s.cells.forEach((c, k) => {
      if (c.value === null) return;
      const colour = escapeXml(b.themes[k]?.colour ?? "#000");
      const y = y0 + 6 + k * 14;
      parts.push(`<rect class="bar" x="${L}" y="${y}" width="${Math.max(0, xOf(c.value) - L).toFixed(1)}" height="11" fill="${colour}"><title>${escapeXml(`${b.themes[k]?.name}, ${s.name}: ${fmt(c.value, b.metric)}`)}</title></rect>`);
      if (c.ci) {
        const [x1, x2] = [xOf(c.ci.low).toFixed(1), xOf(c.ci.high).toFixed(1)];
        const ym = y + 5.5;
        parts.push(`<g class="whisker" stroke="#111827" stroke-width="1"><line x1="${x1}" x2="${x2}" y1="${ym}" y2="${ym}"/><line x1="${x1}" x2="${x1}" y1="${ym - 4}" y2="${ym + 4}"/><line x1="${x2}" x2="${x2}" y1="${ym - 4}" y2="${ym + 4}"/></g>`);
      }
    });
  });
  parts.push(`<line x1="${L}" x2="${L}" y1="${T}" y2="${B}" stroke="#9ca3af"/>`);
  parts.push(footer(meta, H - 20));
  return wrap(H, meta.title, parts);
}

function wrap(h: number, title: string, parts: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" ${FONT}><title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>
`;
}
