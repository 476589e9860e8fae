import { buildQdpx } from "@/lib/corpus/qdpx/export";
import { prisma } from "@/lib/db/client";
import { getQdpxProject } from "@/lib/queries/qdpx";

/** The whole project as a REFI-QDA Project Exchange file (the same bytes as `npm run export:qdpx`). */
export async function GET(request: Request): Promise<Response> {
  const extra = [...new URL(request.url).searchParams.keys()];
  if (extra.length) {
    return Response.json({ error: `Invalid query parameters: ${extra[0]}: the project export takes no parameters`, issues: extra.map((p) => ({ parameter: p, message: "the project export takes no parameters" })) }, { status: 400 });
  }
  const bytes = buildQdpx(await getQdpxProject(prisma));
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": 'attachment; filename="policy-theme-tracker.qdpx"',
      "Cache-Control": "no-store",
    },
  });
}
