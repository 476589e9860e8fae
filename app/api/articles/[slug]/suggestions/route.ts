import { handleWrite, jsonResponse } from "@/lib/http/routes";
import { CODER_NAME, CONSENSUS } from "@/lib/coding/status";
import { suggestionDecisionSchema } from "@/lib/coding/suggestion-schema";
import { getSuggestions } from "@/lib/queries/suggestions";
import { decideSuggestion } from "@/lib/writes/suggestions";

type Ctx = { params: Promise<{ slug: string }> };

/** The untagged sentences that match a theme's cues, measured against `?coder=` (default: the consensus). */
export async function GET(request: Request, { params }: Ctx) {
  const { slug } = await params;
  const coder = new URL(request.url).searchParams.get("coder") ?? CONSENSUS;
  if (coder !== CONSENSUS && !CODER_NAME.test(coder)) {
    return Response.json({ error: "Invalid query parameters: coder: must be a coder's name or consensus", issues: [{ parameter: "coder", message: "must be a coder's name or consensus" }] }, { status: 400 });
  }
  const suggestions = await getSuggestions(slug, coder);
  if (!suggestions) return Response.json({ error: `no article "${slug}"` }, { status: 404 });
  return jsonResponse({ article: slug, coder, suggestions });
}

/** Answer one suggestion: { decision: "accepted" | "dismissed", theme, start, end, annotator, coder? }. */
export async function POST(request: Request, { params }: Ctx) {
  const { slug } = await params;
  return handleWrite(request, suggestionDecisionSchema, (d) => decideSuggestion(slug, d));
}

export const dynamic = "force-dynamic";
