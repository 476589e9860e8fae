import { undoSchema } from "@/lib/coding/schemas";
import { handleWrite } from "@/lib/http/routes";
import { undoLast } from "@/lib/writes/tagging";

/** Undo the latest change this person made to the article's passages: { annotator }. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handleWrite(request, undoSchema, (u) => undoLast(slug, u.annotator));
}
