// Charts to take away: SVG and PNG of the timeline and by-source charts, drawn on the server
// from the same read models as the CSVs. The image says its title, filters, n and codebook
// version; every non-null value is one point or bar, every interval one whisker, and null
// values are gaps (no point).
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshot, type TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

type Route = { GET: (r: Request) => Promise<Response> };
let db: TempDb;
const r: Record<string, Route> = {};

beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  r.timelineSvg = await import("@/app/api/export/timeline.svg/route");
  r.timelinePng = await import("@/app/api/export/timeline.png/route");
  r.bySourceSvg = await import("@/app/api/export/by-source.svg/route");
  r.bySourcePng = await import("@/app/api/export/by-source.png/route");
  r.timelineCsv = await import("@/app/api/export/timeline.csv/route");
  r.bySourceCsv = await import("@/app/api/export/by-source.csv/route");
});
afterAll(() => db.cleanup());

const call = (name: string, query: string) => r[name].GET(new Request(`http://test/x?${query}`));
const csv = async (name: string, query: string) => parse(await (await call(name, query)).text(), { columns: true }) as Record<string, string>[];
const count = (svg: string, re: RegExp) => svg.match(re)?.length ?? 0;

describe("timeline.svg", () => {
  const query = "granularity=year&from=2021-01-01&to=2023-12-31&org=sasac&org=china-minmetals";
  it("writes title, filters, n and codebook version into the image", async () => {
    const res = await call("timelineSvg", query);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="theme-timeline_year_share_all-themes_source-sasac+china-minmetals_2021-01-01-to-2023-12-31.svg"');
    const svg = await res.text();
    expect(svg).toContain(">Theme timeline</text>");
    expect(svg).toContain("Filters: org=sasac, org=china-minmetals, from=2021-01-01, to=2023-12-31, granularity=year");
    expect(svg).toMatch(/n = 4 coded articles · codebook 2026-12-01\.1/);
  });

  it("draws one point per non-null value, one whisker per interval, and a gap for a year with no articles", async () => {
    const rows = await csv("timelineCsv", query);
    const svg = await (await call("timelineSvg", query)).text();
    expect(rows.some((x) => x.value === "")).toBe(true); // 2021 has no coded article
    expect(count(svg, /<circle class="point"/g)).toBe(rows.filter((x) => x.value !== "").length);
    expect(count(svg, /<g class="whisker"/g)).toBe(rows.filter((x) => x.ci_low !== "").length);
    // 2021 is empty: no line starts there, so every polyline joins only 2022 and 2023.
    for (const line of svg.match(/points="[^"]*"/g) ?? []) expect(line.split(" ")).toHaveLength(2);
  });

  it("escapes what it writes", async () => {
    const { escapeXml } = await import("@/lib/charts/svg");
    expect(escapeXml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });
});

describe("by-source.svg", () => {
  it("draws one bar per non-null value, with its whisker, and names each source with its n", async () => {
    const rows = await csv("bySourceCsv", "metric=articles");
    const svg = await (await call("bySourceSvg", "metric=articles")).text();
    expect(svg).toContain("Articles with the theme (%)");
    expect(count(svg, /<rect class="bar"/g)).toBe(rows.filter((x) => x.value !== "").length);
    expect(count(svg, /<g class="whisker"/g)).toBe(rows.filter((x) => x.ci_low !== "").length);
    expect(svg).toMatch(/SASAC[^<]*\(n=3\)/);
  });
});

describe("PNG", () => {
  for (const name of ["timelinePng", "bySourcePng"]) {
    it(`${name} is a PNG at twice the drawn width`, async () => {
      const res = await call(name, "theme=reform");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const width = new DataView(bytes.buffer).getUint32(16);
      expect(width).toBe(1920);
      expect(bytes.length).toBeGreaterThan(5000); // text and marks, not a blank page
    });
  }
});

describe("bad parameters", () => {
  for (const name of ["timelineSvg", "timelinePng", "bySourceSvg", "bySourcePng"]) {
    it(`${name} answers 400 and changes nothing`, async () => {
      const before = snapshot(db.file);
      for (const q of ["granularity=week", "theme=farming", "width=9999"]) {
        const res = await call(name, q);
        expect(res.status).toBe(400);
        expect((await res.json()).error).toMatch(/Invalid query parameters/);
      }
      expect(snapshot(db.file)).toBe(before);
    });
  }
});
