import { describe, expect, it } from "vitest";
import { formatDate, isIsoDay, periodOf } from "@/lib/measure/dates";

describe("periodOf", () => {
  it("gives the period each precision stands for", () => {
    expect(periodOf("2023-04-18", "day")).toEqual({ start: "2023-04-18", end: "2023-04-18" });
    expect(periodOf("2024-02", "month")).toEqual({ start: "2024-02-01", end: "2024-02-29" }); // leap year
    expect(periodOf("2023-02", "month")).toEqual({ start: "2023-02-01", end: "2023-02-28" });
    expect(periodOf("2022", "year")).toEqual({ start: "2022-01-01", end: "2022-12-31" });
    expect(periodOf(null, "unknown")).toBeNull();
  });

  it("explains dates that do not fit their precision", () => {
    expect(periodOf("2023-02-30", "day")).toBe('"2023-02-30" is not a valid YYYY-MM-DD date');
    expect(periodOf("2023-13", "month")).toBe('"2023-13" is not a valid YYYY-MM month');
    expect(periodOf("May 7", "year")).toBe('"May 7" is not a valid YYYY year');
    expect(periodOf(null, "day")).toBe('precision "day" needs a date');
    expect(periodOf("2023", "unknown")).toBe('precision "unknown" takes no date, got "2023"');
  });
});

describe("isIsoDay and formatDate", () => {
  it("accepts only real calendar days", () => {
    expect(isIsoDay("2023-12-31")).toBe(true);
    expect(isIsoDay("2023-11-31")).toBe(false);
    expect(isIsoDay("2023-1-01")).toBe(false);
  });

  it("writes a date no more precisely than it is known", () => {
    expect(formatDate("2023-04-18", "day")).toBe("18 Apr 2023");
    expect(formatDate("2023-04-01", "month")).toBe("Apr 2023");
    expect(formatDate("2022-01-01", "year")).toBe("2022");
    expect(formatDate(null, "unknown")).toBe("date unknown");
  });
});
