import "server-only";
// The agreement routes take no parameters: every pair of coders, every theme, all coded articles.
import type { Agreement } from "../queries/agreement";
import type { CsvCell } from "./csv";

export const AGREEMENT_COLUMNS = ["theme", "coder_a", "coder_b", "articles", "units", "alpha_word", "kappa_sentence", "percent_agreement", "sentence_units"] as const;

const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

/** One row per coder pair x theme, and a row "all" pooling the themes; undefined statistics are empty cells. */
export function agreementRows(a: Agreement): CsvCell[][] {
  return a.pairs.map((p) => [p.theme ?? "all", p.coderA, p.coderB, p.articles, p.units, r4(p.alphaWord), r4(p.kappaSentence), r4(p.percentAgreement), p.sentenceUnits]);
}

export function refuseParameters(request: Request): Response | null {
  const keys = [...new URL(request.url).searchParams.keys()];
  if (!keys.length) return null;
  return Response.json({ error: `Invalid query parameters: ${keys.join(", ")}: agreement takes no parameters`, issues: keys.map((k) => ({ parameter: k, message: "unknown parameter" })) }, { status: 400 });
}
