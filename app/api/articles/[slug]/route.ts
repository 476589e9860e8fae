import { handleWrite } from "@/lib/http/routes";
import { metadataSchema } from "@/lib/coding/schemas";
import { editMetadata } from "@/lib/writes/tagging";

/** Edit an article's title, date (with precision and note), source and publisher. */
export async function PATCH(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handleWrite(request, metadataSchema, (m) => editMetadata(slug, m));
}
