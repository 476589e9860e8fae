import type { Metadata } from "next";
import Link from "next/link";
import { getAgreement } from "@/lib/queries/agreement";

export const metadata: Metadata = { title: "Agreement" };
export const dynamic = "force-dynamic";

const fmt = (x: number | null, reason?: string | null) =>
  x === null ? <span className="text-muted" title={reason ?? undefined}>undefined</span> : x.toLocaleString("en", { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Intercoder agreement per coder pair and theme, pooled, and per article, with links to read the disagreements. */
export default async function AgreementPage() {
  const a = await getAgreement();
  const name = new Map(a.themes.map((t) => [t.slug, t.name]));
  const pairs = [...new Set(a.pairs.map((p) => `${p.coderA}|${p.coderB}`))];
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Intercoder agreement</h1>
        <p className="max-w-3xl text-sm text-muted">
          For articles that two or more coders have coded (status coded or reviewed). <strong>Word α</strong>: Krippendorff&apos;s alpha
          (nominal), every word of an article a unit, its value whether the coder&apos;s passages of the theme cover it.{" "}
          <strong>Sentence κ</strong>: Cohen&apos;s kappa over sentences, a sentence carrying the theme when the coder&apos;s passages
          cover at least half of its words; percentage agreement beside it, because κ is low when a theme is rare even if the coders
          mostly agree. The charts use the consensus coding, built by adjudicating the disagreements.
        </p>
        <p className="text-sm">
          <a href="/api/export/agreement.csv" download>Download agreement.csv</a>
        </p>
      </div>
      {pairs.length === 0 && (
        <p className="rounded border border-border bg-surface p-4 text-sm" data-testid="no-agreement">
          No article has been coded by two coders yet. A second coder codes an article in the reader under their own name.
        </p>
      )}
      {pairs.map((pair) => {
        const [coderA, coderB] = pair.split("|");
        const rows = a.pairs.filter((p) => p.coderA === coderA && p.coderB === coderB);
        const articles = a.articles.filter((x) => x.coderA === coderA && x.coderB === coderB);
        return (
          <section key={pair} aria-labelledby={`pair-${pair}`} className="space-y-3 rounded-lg border border-border p-4">
            <h2 id={`pair-${pair}`} className="text-lg font-semibold">
              {coderA} and {coderB}
            </h2>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[40rem] text-sm" data-testid="agreement-table">
                <thead className="bg-surface text-left">
                  <tr>
                    <th scope="col" className="px-3 py-1.5 font-medium">Theme</th>
                    <th scope="col" className="px-3 py-1.5 text-right font-medium">Articles</th>
                    <th scope="col" className="px-3 py-1.5 text-right font-medium">Word units</th>
                    <th scope="col" className="px-3 py-1.5 text-right font-medium">Word α</th>
                    <th scope="col" className="px-3 py-1.5 text-right font-medium">Sentences</th>
                    <th scope="col" className="px-3 py-1.5 text-right font-medium">Sentence κ</th>
                    <th scope="col" className="px-3 py-1.5 text-right font-medium">% agreement</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.theme ?? "all"} className={`border-t border-border ${r.theme ? "" : "font-semibold"}`} data-theme={r.theme ?? "all"}>
                      <th scope="row" className="px-3 py-1.5 text-left font-normal">{r.theme ? name.get(r.theme) : "All themes (pooled)"}</th>
                      <td className="px-3 py-1.5 text-right tabular-nums">{r.articles}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{r.units.toLocaleString("en")}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums" data-alpha={r.alphaWord ?? ""}>{fmt(r.alphaWord, r.alphaReason)}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{r.sentenceUnits}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{fmt(r.kappaSentence, r.kappaReason)}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{r.percentAgreement === null ? "—" : `${r.percentAgreement.toFixed(1)}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3 className="font-medium">By article</h3>
            <ul className="space-y-1 text-sm">
              {articles.map((x) => {
                const all = x.rows.find((r) => r.theme === null);
                return (
                  <li key={x.article}>
                    <Link href={`/agreement/${x.article}?a=${encodeURIComponent(coderA)}&b=${encodeURIComponent(coderB)}`}>{x.title}</Link>
                    <span className="text-muted"> · word α {all?.alphaWord === null || !all ? "undefined" : all.alphaWord.toFixed(3)}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
