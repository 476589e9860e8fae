import { handleWrite } from "@/lib/http/routes";
import { newPassageSchema } from "@/lib/coding/schemas";
import { getAnnotationFile } from "@/lib/queries/articles";
import { addPassage } from "@/lib/writes/tagging";

type Ctx = { params: Promise<{ slug: string }> };

/** The article's passages as an annotation file (the format of seeds/annotations/). */
export async function GET(request: Request, { params }: Ctx) {
  const { slug } = await params;
  const coder = new URL(request.url).searchParams.get("coder") ?? "consensus";
  const text = await getAnnotationFile(slug, coder);
  if (!text) return Response.json({ error: `no article "${slug}"` }, { status: 404 });
  return new Response(text, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${slug}.json"` },
  });
}

/** Tag a selection: { start, end, themes, annotator, note? }; it snaps to whole words. */
export async function POST(request: Request, { params }: Ctx) {
  const { slug } = await params;
  return handleWrite(request, newPassageSchema, (p) => addPassage(slug, p));
}

export const dynamic = "force-dynamic";
