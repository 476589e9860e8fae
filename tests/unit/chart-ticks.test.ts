import { describe, expect, it } from "vitest";
import { evenTicks, granularityOf, periodOrdinal, plotWidthOf } from "@/components/charts/ticks";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const quarters = (from: [number, number], count: number) =>
  Array.from({ length: count }, (_, k) => {
    const q = from[1] - 1 + k;
    const y = from[0] + Math.floor(q / 4);
    return { period: `${y}-Q${(q % 4) + 1}`, label: `Q${(q % 4) + 1} ${y}` };
  });
const months = (year: number, count: number) =>
  Array.from({ length: count }, (_, k) => {
    const y = year + Math.floor(k / 12);
    return { period: `${y}-${String((k % 12) + 1).padStart(2, "0")}`, label: `${MONTHS[k % 12]} ${y}` };
  });

describe("evenTicks", () => {
  // Labels are ~7 px a character plus 12 px between: "Q2 2022" needs 61 px, "Jan 2021" 68 px, "2020" 40 px.
  it("labels every period when they fit (7 quarters over 600 px: 100 px apart)", () => {
    expect(evenTicks(quarters([2022, 2], 7), "quarter", 600)).toEqual(["Q2 2022", "Q3 2022", "Q4 2022", "Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023"]);
  });

  it("on a phone labels every 2nd quarter, on the odd quarters (7 quarters over 250 px: 41.7 px apart)", () => {
    expect(evenTicks(quarters([2022, 2], 7), "quarter", 250)).toEqual(["Q3 2022", "Q1 2023", "Q3 2023"]);
  });

  it("labels January and July of 36 months over 600 px (17.1 px apart: steps of 2 and 3 months overlap)", () => {
    const ticks = evenTicks(months(2021, 36), "month", 600);
    expect(ticks).toEqual(["Jan 2021", "Jul 2021", "Jan 2022", "Jul 2022", "Jan 2023", "Jul 2023"]);
    const idx = ticks.map((t) => months(2021, 36).findIndex((m) => m.label === t));
    expect(new Set(idx.slice(1).map((v, i) => v - idx[i]))).toEqual(new Set([6]));
  });

  it("labels years divisible by 5 when 24 years share 300 px", () => {
    const years = Array.from({ length: 24 }, (_, k) => ({ period: String(2000 + k), label: String(2000 + k) }));
    expect(evenTicks(years, "year", 300)).toEqual(["2000", "2005", "2010", "2015", "2020"]);
  });

  it("counts from the first period when a short view holds fewer than two round positions", () => {
    // 3 quarters over 60 px: 30 px apart, so a step of 4 quarters; no Q1 among Q2-Q4 2023.
    expect(evenTicks(quarters([2023, 2], 3), "quarter", 60)).toEqual(["Q2 2023"]);
    // 5 quarters Q2 2023 - Q2 2024 over 100 px: 25 px apart, step 4; one Q1 only: first and fifth.
    expect(evenTicks(quarters([2023, 2], 5), "quarter", 100)).toEqual(["Q2 2023", "Q2 2024"]);
  });

  it("labels the only period, and nothing when there is none", () => {
    expect(evenTicks(quarters([2023, 2], 1), "quarter", 10)).toEqual(["Q2 2023"]);
    expect(evenTicks([], "month", 500)).toEqual([]);
  });

  it("never lets two labels overlap, at any width", () => {
    const all = months(1990, 400);
    for (const width of [120, 250, 390, 600, 900, 1400]) {
      const ticks = evenTicks(all, "month", width);
      const idx = ticks.map((t) => all.findIndex((m) => m.label === t));
      const gaps = new Set(idx.slice(1).map((v, i) => v - idx[i]));
      expect(gaps.size).toBeLessThanOrEqual(1); // even
      const [gap] = [...gaps];
      if (gap) expect((gap * width) / (all.length - 1)).toBeGreaterThanOrEqual(8 * 7 + 12);
    }
  });
});

describe("period helpers", () => {
  it("numbers periods and reads their granularity", () => {
    expect(periodOrdinal("2023-04", "month")).toBe(2023 * 12 + 3);
    expect(periodOrdinal("2023-Q2", "quarter")).toBe(2023 * 4 + 1);
    expect(periodOrdinal("2023", "year")).toBe(2023);
    expect([granularityOf("2023-04"), granularityOf("2023-Q2"), granularityOf("2023")]).toEqual(["month", "quarter", "year"]);
    expect(plotWidthOf(400, 64, { left: 8, right: 28 })).toBe(300);
  });
});
