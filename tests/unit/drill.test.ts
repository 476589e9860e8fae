import { describe, expect, it } from "vitest";
import { drillParam, parseDrill } from "@/lib/filters/drill";

const known = { themes: ["reform", "innovation"], orgs: ["sasac"] };

describe("parseDrill", () => {
  it("reads a timeline point and a bar, and writes them back", () => {
    expect(parseDrill("period:2023-Q2:reform", "quarter", known)).toEqual({ kind: "period", period: "2023-Q2", theme: "reform" });
    expect(parseDrill("source:sasac:innovation", "month", known)).toEqual({ kind: "source", source: "sasac", theme: "innovation" });
    expect(drillParam({ kind: "period", period: "2023-04", theme: "reform" })).toBe("period:2023-04:reform");
    expect(parseDrill(undefined, "month", known)).toBeUndefined();
  });

  it("explains what is wrong with a bad drill-down", () => {
    expect(parseDrill("period:2023-04:reform", "quarter", known)).toEqual({ parameter: "drill", message: '"2023-04" is not a quarter period' });
    expect(parseDrill("period:2023-Q2:farming", "quarter", known)).toEqual({ parameter: "drill", message: 'unknown theme "farming"' });
    expect(parseDrill("source:nasa:reform", "quarter", known)).toEqual({ parameter: "drill", message: 'unknown organization "nasa"' });
    expect(parseDrill("nonsense", "quarter", known)).toMatchObject({ parameter: "drill" });
    expect(parseDrill(["a", "b"], "quarter", known)).toEqual({ parameter: "drill", message: "may be given only once" });
  });
});
