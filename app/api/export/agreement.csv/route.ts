import { stringify } from "csv-stringify/sync";
import { AGREEMENT_COLUMNS, agreementRows, refuseParameters } from "@/lib/http/agreement";
import { safeCell } from "@/lib/http/csv";
import { getAgreement } from "@/lib/queries/agreement";
import { getCatalog } from "@/lib/queries/analytics";

/** theme,coder_a,coder_b,articles,units,alpha_word,kappa_sentence,percent_agreement (+ sentence units, provenance). */
export async function GET(request: Request) {
  const refused = refuseParameters(request);
  if (refused) return refused;
  const [agreement, catalog] = await Promise.all([getAgreement(), getCatalog()]);
  const at = new Date().toISOString();
  const rows = agreementRows(agreement).map((r) => [...r, catalog.codebookVersion, at].map(safeCell));
  const text = stringify([[...AGREEMENT_COLUMNS, "codebook_version", "generated_at"], ...rows], { record_delimiter: "\r\n" });
  return new Response(text, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="agreement.csv"', "Cache-Control": "no-store" },
  });
}

export const dynamic = "force-dynamic";
