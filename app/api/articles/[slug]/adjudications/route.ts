import { adjudicationSchema } from "@/lib/coding/schemas";
import { handleWrite } from "@/lib/http/routes";
import { adjudicate } from "@/lib/writes/adjudication";

/** Put one coder's passages, both, neither or an edit into the consensus: see adjudicationSchema. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return handleWrite(request, adjudicationSchema, (a) => adjudicate(slug, a));
}
