import "server-only";
// Chart images: the SVG as drawn by lib/charts/svg.ts, or that SVG rasterised to PNG by resvg
// (a maintained Rust renderer shipped as a prebuilt binary on npm; no browser, no canvas).
import { Resvg } from "@resvg/resvg-js";
import { toSearchParams, type Filters } from "../filters/schema";

export type ImageFormat = "svg" | "png";

/** The view written into the image: the filters as a readable line, "all" when none. */
export function viewLine(f: Filters): string {
  const p = toSearchParams({ ...f, metric: undefined });
  const bits = [...p.entries()].map(([k, v]) => `${k}=${v}`);
  return bits.length ? bits.join(", ") : "none (every theme, organization and date)";
}

export function imageResponse(svg: string, format: ImageFormat, name: string): Response {
  const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="${name}.${format}"` };
  if (format === "svg") return new Response(svg, { headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" } });
  // Twice the drawn size, so the picture stays sharp in a printed paper.
  const png = new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { ...headers, "Content-Type": "image/png" } });
}
