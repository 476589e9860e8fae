import { codingStatusSchema } from "@/lib/coding/schemas";
import { handleWrite } from "@/lib/http/routes";
import { setCodingStatus } from "@/lib/writes/tagging";

/** Set where the coding of an article stands: { status: "uncoded" | "in-progress" | "coded" | "reviewed", annotator }. */
export async function PATCH(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handleWrite(request, codingStatusSchema, (e) => setCodingStatus(slug, e));
}
