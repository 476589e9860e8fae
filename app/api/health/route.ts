// A liveness check for load balancers and monitors, and the benchmark's trivial route: it goes
// through the same server, proxy and route-handler machinery as the chart routes and does no
// work of its own, so its time is the HTTP overhead the chart requests are measured against.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
