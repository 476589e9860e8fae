import { jsonResponse } from "@/lib/http/routes";
import { getSuggestionCounts } from "@/lib/queries/suggestions";

/** How many suggestions from the codebook each coder accepted and dismissed, per theme. */
export async function GET() {
  return jsonResponse({ counts: await getSuggestionCounts() });
}

export const dynamic = "force-dynamic";
