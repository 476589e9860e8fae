import { describe, expect, it } from "vitest";
import { filterQuery } from "@/lib/filters/travel";

describe("filterQuery", () => {
  it("keeps the shared filters, in order, and drops page parameters and blanks", () => {
    const p = new URLSearchParams("theme=reform&drill=period:2023-Q2:reform&org=sasac&q=self-reliance&from=&granularity=year&page=2&status=coded");
    expect(filterQuery(p)).toBe("theme=reform&org=sasac&granularity=year&status=coded");
    expect(filterQuery(new URLSearchParams(""))).toBe("");
    expect(filterQuery(null)).toBe("");
  });
});
