import { describe, expect, it } from "vitest";
import { checkKnownSlugs, parseFilters, toSearchParams, viewSlug, type Filters } from "@/lib/filters/schema";

const ok = (q: string): Filters => {
  const r = parseFilters(new URLSearchParams(q));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const issues = (q: string) => {
  const r = parseFilters(new URLSearchParams(q));
  return r.ok ? [] : r.issues;
};

describe("parseFilters", () => {
  it("gives the default view for an empty query", () => {
    expect(ok("")).toEqual({ themes: [], orgs: [], statuses: [], orgRole: "source", granularity: "quarter", metric: "share", coding: "coded" });
  });

  it("reads every parameter, repeatable ones as lists without duplicates", () => {
    expect(ok("theme=reform&theme=innovation&theme=reform&org=sasac&orgRole=mentioned&from=2023-01-01&to=2023-12-31&granularity=month&metric=articles&coding=all&status=uncoded&status=reviewed&status=uncoded")).toEqual({
      themes: ["reform", "innovation"],
      orgs: ["sasac"],
      statuses: ["uncoded", "reviewed"],
      coding: "all",
      orgRole: "mentioned",
      from: "2023-01-01",
      to: "2023-12-31",
      granularity: "month",
      metric: "articles",
    });
  });

  it("treats an empty value as not set (an emptied form field)", () => {
    expect(ok("from=&to=&metric=")).toMatchObject({ metric: "share" });
    expect(ok("from=")).not.toHaveProperty("from", "");
  });

  it("names the parameter and the problem for bad input", () => {
    expect(issues("granularity=week")).toEqual([{ parameter: "granularity", message: "must be one of month, quarter, year" }]);
    expect(issues("metric=mean")).toEqual([{ parameter: "metric", message: "must be one of share, passages, articles" }]);
    expect(issues("orgRole=author")).toEqual([{ parameter: "orgRole", message: "must be one of source, publisher, mentioned" }]);
    expect(issues("from=2023-02-30")).toEqual([{ parameter: "from", message: "must be a real date written YYYY-MM-DD" }]);
    expect(issues("to=yesterday")).toEqual([{ parameter: "to", message: "must be a real date written YYYY-MM-DD" }]);
    expect(issues("from=2024-01-01&to=2023-01-01")).toEqual([{ parameter: "to", message: "must not be before from" }]);
    expect(issues("metric=share&metric=passages")).toEqual([{ parameter: "metric", message: "may be given only once" }]);
    expect(issues("theme=Not A Slug")[0].parameter).toBe("theme");
    expect(issues("coding=some")).toEqual([{ parameter: "coding", message: "must be one of coded, all" }]);
    expect(issues("status=done")).toEqual([{ parameter: "status", message: "must be one of uncoded, in-progress, coded, reviewed" }]);
    expect(issues("colour=red")).toEqual([
      { parameter: "colour", message: "unknown parameter; expected theme, org, orgRole, from, to, granularity, metric, coding, status, coder" },
    ]);
  });

  it("reports parameters named like Object.prototype members as unknown, never crashes", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "__defineGetter__"]) {
      expect(issues(`${name}=1`)).toEqual([{ parameter: name, message: "unknown parameter; expected theme, org, orgRole, from, to, granularity, metric, coding, status, coder" }]);
    }
    expect(parseFilters({ constructor: "1" }).ok).toBe(false);
    // How Next.js hands a page `?constructor=1&toString=1`: its plain object had the members already.
    const fromNext = parseFilters({ constructor: [Object, "1"], toString: [Object.prototype.toString, "1"] });
    expect(fromNext.ok ? [] : fromNext.issues.map((i) => i.parameter)).toEqual(["constructor, toString"]);
    expect(issues("theme=reform&toString=1&toString=2")[0].parameter).toBe("toString");
  });

  it("keeps dates to four-digit years from 1000", () => {
    expect(issues("from=0999-12-31")).toEqual([{ parameter: "from", message: "must be a date from 1000-01-01 to 9999-12-31" }]);
    expect(issues("to=0001-01-01")).toEqual([{ parameter: "to", message: "must be a date from 1000-01-01 to 9999-12-31" }]);
    expect(issues("to=10000-01-01")).toEqual([{ parameter: "to", message: "must be a real date written YYYY-MM-DD" }]);
    expect(ok("from=1000-01-01&to=1099-12-31&granularity=month")).toMatchObject({ from: "1000-01-01", to: "1099-12-31" });
  });

  it("refuses a from-to span with more buckets than one view may draw, naming the limit", () => {
    // 1900-01 .. 2000-01 is 1,201 months; by quarter it is 401 quarters and fine.
    expect(issues("from=1900-01-01&to=2000-01-31&granularity=month")).toEqual([
      { parameter: "to", message: "the dates span 1,201 months; one view may show at most 1,200 months: narrow from/to or choose a coarser granularity" },
    ]);
    expect(ok("from=1900-01-01&to=2000-01-31&granularity=quarter").granularity).toBe("quarter");
    expect(issues("from=1000-01-01&to=9999-12-31&granularity=year")[0].message).toMatch(/9,000 years; one view may show at most 1,200 years/);
  });

  it("leaves page-only parameters to the page", () => {
    expect(parseFilters({ drill: "period:2023-Q2:reform" }, ["drill"]).ok).toBe(true);
    expect(parseFilters({ drill: "period:2023-Q2:reform" }).ok).toBe(false);
  });

  it("accepts Next.js searchParams objects as well as URLSearchParams", () => {
    const r = parseFilters({ theme: ["reform", "innovation"], granularity: "year", from: undefined });
    expect(r.ok && r.value).toMatchObject({ themes: ["reform", "innovation"], granularity: "year" });
  });
});

describe("checkKnownSlugs", () => {
  it("reports themes and organizations the database does not know", () => {
    const f = ok("theme=reform&theme=farming&org=sasac&org=nasa");
    expect(checkKnownSlugs(f, { themes: ["reform"], orgs: ["sasac"] })).toEqual([
      { parameter: "theme", message: 'unknown theme "farming"; known: reform' },
      { parameter: "org", message: 'unknown organization "nasa"' },
    ]);
  });
});

describe("toSearchParams", () => {
  it("writes only what differs from the defaults, and parses back to the same filters", () => {
    const f = ok("theme=reform&org=sasac&org=china-minmetals&orgRole=publisher&from=2023-01-01&granularity=year&metric=passages");
    const q = toSearchParams(f).toString();
    expect(q).toBe("theme=reform&org=sasac&org=china-minmetals&orgRole=publisher&from=2023-01-01&granularity=year&metric=passages");
    expect(ok(q)).toEqual(f);
    expect(toSearchParams(ok("granularity=quarter&metric=share&coding=coded")).toString()).toBe("");
    const g = ok("coding=all&status=in-progress&status=uncoded");
    expect(toSearchParams(g).toString()).toBe("coding=all&status=in-progress&status=uncoded");
    expect(ok(toSearchParams(g).toString())).toEqual(g);
  });
});

describe("viewSlug", () => {
  it("describes the view in a file name", () => {
    expect(viewSlug(ok(""))).toBe("quarter_share_all-themes");
    expect(viewSlug(ok("theme=reform&theme=innovation&org=sasac&from=2023-01-01&metric=passages&granularity=month"))).toBe(
      "month_passages_reform+innovation_source-sasac_2023-01-01-to-end",
    );
    expect(viewSlug(ok("org=sasac&orgRole=mentioned"), ["metric"])).toBe("share_all-themes_mentioned-sasac");
    expect(viewSlug(ok("coding=all&status=uncoded"), [])).toBe("all-themes_status-uncoded_incl-uncoded");
  });
});
