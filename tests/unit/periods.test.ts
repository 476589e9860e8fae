import { describe, expect, it } from "vitest";
import { nextPeriod, periodBounds, periodFromIndex, periodKey, periodLabel, periodRange, PLACEABLE } from "@/lib/measure/periods";

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
