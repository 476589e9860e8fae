import { refuseParameters } from "@/lib/http/agreement";
import { jsonResponse } from "@/lib/http/routes";
import { getAgreement } from "@/lib/queries/agreement";

/** Agreement per coder pair and theme (word alpha, sentence kappa, % agreement), and per article. */
export async function GET(request: Request) {
  return refuseParameters(request) ?? jsonResponse(await getAgreement());
}

export const dynamic = "force-dynamic";
