import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const run = (path: string) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`));

describe("proxy.ts", () => {
  it("answers 400 JSON for a broken %-escape under /api", async () => {
    for (const path of ["/api/articles/%ZZ/annotations", "/api/annotations/%E0%A4", "/api/articles/%"]) {
      const res = run(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error).toMatch(/invalid percent-encoding/);
    }
  });

  it("answers a 400 page for a broken %-escape elsewhere", async () => {
    const res = run("/articles/%ZZ");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toContain("<h1>Bad address</h1>");
  });

  it("lets well-formed paths through, escaped UTF-8 included", () => {
    for (const path of ["/", "/articles/000-4e479f1f7325fcc2", "/articles/%E4%B8%AD", "/api/timeline"]) {
      expect(run(path).headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});
