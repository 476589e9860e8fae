// The production server's warm-up (lib/http/warm-up.ts, started by instrumentation.ts): which
// servers warm themselves, and the requests it sends, against a real HTTP server on loopback.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WARM_UP_PATHS, warmUp, warmUpSummary, warmUpWanted } from "@/lib/http/warm-up";

const seen: { method: string; url: string }[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "" });
    if (req.url === "/boom") {
      res.statusCode = 500;
      res.end("boom");
    } else if (req.url === "/hang") {
      // never answers: the warm-up gives up on it and goes on
    } else {
      res.end("ok");
    }
  });
  // IPv4 only, as `next start -H 0.0.0.0` listens: "localhost" must not be tried as ::1.
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("warm-up", () => {
  it("runs only in a production server, unless PTT_WARM_UP=0", () => {
    expect(warmUpWanted({ NODE_ENV: "production" })).toBe(true);
    expect(warmUpWanted({ NODE_ENV: "production", PTT_WARM_UP: "0" })).toBe(false);
    // `next dev` compiles each page on its first request: warming every page would compile them all.
    expect(warmUpWanted({ NODE_ENV: "development" })).toBe(false);
    expect(warmUpWanted({})).toBe(false);
  });

  it("asks for every path once, in order, with GET only; a failure does not stop the rest", async () => {
    seen.length = 0;
    const results = await warmUp(`http://localhost:${port}`, ["/a", "/boom", "/hang", "/b?x=1"], 300);
    expect(seen).toEqual([
      { method: "GET", url: "/a" },
      { method: "GET", url: "/boom" },
      { method: "GET", url: "/hang" },
      { method: "GET", url: "/b?x=1" },
    ]);
    expect(results.map((r) => [r.path, r.status])).toEqual([
      ["/a", 200],
      ["/boom", 500],
      ["/hang", null],
      ["/b?x=1", 200],
    ]);
    expect(results[2].error).toBeTruthy();
    expect(results[2].ms).toBeGreaterThanOrEqual(250);
    const line = warmUpSummary(results);
    expect(line).toMatch(/^Warmed up 2 of 4 routes in \d+\.\d s/);
    expect(line).toContain("/boom 500");
    expect(line).toContain("/hang");
  });

  it("warms the dashboard and its data first, and no path can write", () => {
    expect(WARM_UP_PATHS.slice(0, 3)).toEqual(["/", "/api/timeline", "/api/by-source"]);
    // GET only, and none of the write routes (which answer GET with 405 or not at all).
    for (const p of WARM_UP_PATHS) expect(p).not.toMatch(/annotations|adjudications|undo|\/status|suggestions|\/api\/import/);
  });
});
