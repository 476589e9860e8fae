import { describe, expect, it } from "vitest";
import { MAX_PERIODS, nextPeriod, periodBounds, periodCount, periodFromIndex, periodKey, periodLabel, periodRange, PLACEABLE, TooManyPeriodsError } from "@/lib/measure/periods";

describe("periods", () => {
  it("puts a day in its month, quarter and year", () => {
    expect(periodKey("2023-04-18", "month")).toBe("2023-04");
    expect(periodKey("2023-04-18", "quarter")).toBe("2023-Q2");
    expect(periodKey("2023-03-31", "quarter")).toBe("2023-Q1");
    expect(periodKey("2023-10-01", "quarter")).toBe("2023-Q4");
    expect(periodKey("2023-04-18", "year")).toBe("2023");
  });

  it("gives each bucket its first and last day", () => {
    expect(periodBounds("2024-02", "month")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodBounds("2023-Q2", "quarter")).toEqual({ start: "2023-04-01", end: "2023-06-30" });
    expect(periodBounds("2023-Q4", "quarter")).toEqual({ start: "2023-10-01", end: "2023-12-31" });
    expect(periodBounds("2022", "year")).toEqual({ start: "2022-01-01", end: "2022-12-31" });
  });

  it("steps across year ends and fills ranges", () => {
    expect(nextPeriod("2023-12", "month")).toBe("2024-01");
    expect(nextPeriod("2023-Q4", "quarter")).toBe("2024-Q1");
    expect(periodRange("2022-Q3", "2023-Q2", "quarter")).toEqual(["2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2"]);
    expect(periodRange("2023", "2022", "year")).toEqual([]);
  });

  it("labels buckets for people", () => {
    expect(periodLabel("2023-04", "month")).toBe("Apr 2023");
    expect(periodLabel("2023-Q2", "quarter")).toBe("Q2 2023");
    expect(periodLabel("2023", "year")).toBe("2023");
  });

  it("places a date only in buckets at least as coarse as its precision", () => {
    expect(PLACEABLE.month).toEqual(["day", "month"]);
    expect(PLACEABLE.quarter).toEqual(["day", "month"]);
    expect(PLACEABLE.year).toEqual(["day", "month", "year"]);
  });
});

describe("period numbers from SQL", () => {
  it("decode to the same keys as periodKey", () => {
    expect(periodFromIndex(2023 * 12 + 3, "month")).toBe("2023-04");
    expect(periodFromIndex(2023 * 4 + 1, "quarter")).toBe("2023-Q2");
    expect(periodFromIndex(2022, "year")).toBe("2022");
    expect(periodFromIndex(2023 * 12 + 11, "month")).toBe(periodKey("2023-12-31", "month"));
  });
});

describe("years before 1000 (stored by hand or imported)", () => {
  it("keep four-digit keys that sort and parse", () => {
    expect(periodKey("0999-02-10", "month")).toBe("0999-02");
    expect(periodFromIndex(999 * 12 + 1, "month")).toBe("0999-02");
    expect(periodFromIndex(1 * 4 + 3, "quarter")).toBe("0001-Q4");
    expect(periodFromIndex(5, "year")).toBe("0005");
    expect(periodBounds("0999-02", "month")).toEqual({ start: "0999-02-01", end: "0999-02-28" });
    expect(nextPeriod("0999-12", "month")).toBe("1000-01");
    expect(periodRange("0998", "1001", "year")).toEqual(["0998", "0999", "1000", "1001"]);
    expect(periodLabel("0999-Q1", "quarter")).toBe("Q1 999");
  });
});

describe("the bucket limit", () => {
  it("counts buckets across year ends", () => {
    expect(periodCount("2022-11", "2023-02", "month")).toBe(4);
    expect(periodCount("2023-Q2", "2023-Q1", "quarter")).toBe(0);
  });

  it("allows exactly MAX_PERIODS buckets: 100 years by month", () => {
    expect(MAX_PERIODS).toBe(1200);
    const keys = periodRange("1900-01", "1999-12", "month");
    expect(keys).toHaveLength(1200);
    expect([keys[0], keys[1199]]).toEqual(["1900-01", "1999-12"]);
  });

  it("throws a readable TooManyPeriodsError beyond, instead of cutting the range short", () => {
    expect(() => periodRange("1900-01", "2000-01", "month")).toThrow(TooManyPeriodsError);
    expect(() => periodRange("1500-Q1", "2023-Q4", "quarter")).toThrow(
      "the dates span 2,096 quarters; one view may show at most 1,200 quarters: narrow from/to or choose a coarser granularity",
    );
    expect(() => periodRange("1000", "9999", "year")).toThrow(/9,000 years/);
  });
});
