import { prisma } from "@/lib/db";
import { handleWrite } from "@/lib/http";
import { metadataSchema } from "@/lib/tagging-schema";
import { editMetadata } from "@/lib/writes/tagging";

/** Edit an article's title, date (with precision and note), source and publisher. */
export async function PATCH(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handleWrite(request, metadataSchema, (m) => editMetadata(prisma, slug, m));
}
