import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdjudicateForm } from "@/components/agreement/adjudicate-form";
import { CODER_COLOURS, CompareText } from "@/components/agreement/compare-text";
import { InvalidParams } from "@/components/invalid-params";
import { taggingMode } from "@/lib/coding/authority";
import { CODER_NAME, CODER_NAME_HINT, CONSENSUS } from "@/lib/coding/status";
import { getDisagreements } from "@/lib/queries/agreement";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Disagreements" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Two codings of one article: where they differ, per theme the share under each, and adjudication into the consensus. */
export default async function DisagreementPage({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const [a, b] = [one(sp.a), one(sp.b)];
  const issues = [
    ...(a && CODER_NAME.test(a) ? [] : [{ parameter: "a", message: `the first coder's name (${CODER_NAME_HINT})` }]),
    ...(b && CODER_NAME.test(b) ? [] : [{ parameter: "b", message: `the second coder's name (${CODER_NAME_HINT})` }]),
  ];
  if (issues.length) return <InvalidParams issues={issues} resetHref="/agreement" />;
  const view = await getDisagreements(slug, a!, b!);
  if (!view) notFound();
  const theme = one(sp.theme) ?? view.disagreements[0]?.theme ?? view.themes[0].slug;
  const tagging = taggingMode();
  const coders: [string, string] = [a!, b!];
  const mine = (coder: string) => view.passages.filter((p) => p.coder === coder && p.theme === theme);
  const here = view.disagreements.filter((d) => d.theme === theme);
  const q = (t: string) => `?a=${encodeURIComponent(a!)}&b=${encodeURIComponent(b!)}&theme=${t}`;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <article className="min-w-0 space-y-4">
        <p className="text-sm">
          <Link href="/agreement">← Agreement</Link>
        </p>
        <h1 className="text-2xl font-semibold leading-snug">{view.article.title}</h1>
        <p className="text-sm text-muted">
          <span className="font-medium" style={{ color: CODER_COLOURS[0] }}>{a}</span> (thin underline) and{" "}
          <span className="font-medium" style={{ color: CODER_COLOURS[1] }}>{b}</span> (thick underline); words only one of them tagged are
          highlighted.
        </p>
        <nav aria-label="Theme" className="flex flex-wrap gap-2 text-sm">
          {view.themes.map((t) => {
            const n = view.disagreements.filter((d) => d.theme === t.slug).length;
            return t.slug === theme ? (
              <strong key={t.slug} className="rounded-full border border-accent px-2.5 py-0.5">{t.name} ({n})</strong>
            ) : (
              <Link key={t.slug} href={q(t.slug)} className="rounded-full border border-border px-2.5 py-0.5 no-underline">{t.name} ({n})</Link>
            );
          })}
        </nav>
        <CompareText body={view.article.body} a={mine(a!)} b={mine(b!)} labels={coders} />
      </article>
      <aside className="space-y-6 text-sm">
        <section className="rounded-lg border border-border p-4">
          <h2 className="mb-2 font-semibold">Share of text per coding</h2>
          <table className="w-full" data-testid="coding-shares">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th scope="col" className="pb-1 font-medium">Theme</th>
                <th scope="col" className="pb-1 text-right font-medium">{a}</th>
                <th scope="col" className="pb-1 text-right font-medium">{b}</th>
                <th scope="col" className="pb-1 text-right font-medium">consensus</th>
              </tr>
            </thead>
            <tbody>
              {view.themes.map((t) => (
                <tr key={t.slug} className="border-t border-border">
                  <th scope="row" className="py-1 text-left font-normal">{t.name}</th>
                  {[a!, b!, CONSENSUS].map((c) => (
                    <td key={c} className="py-1 text-right tabular-nums">{pct(view.shares[c][t.slug])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="rounded-lg border border-border p-4">
          <h2 className="mb-2 font-semibold">Disagreements ({here.length})</h2>
          {here.length === 0 && <p className="text-muted">The two codings cover the same words for this theme.</p>}
          <ol className="space-y-3">
            {here.map((d) => (
              <li key={`${d.start}-${d.end}`} className="rounded border border-border p-2" data-testid="disagreement">
                <p className="text-xs text-muted">characters {d.start}–{d.end}</p>
                {[
                  [a!, d.a],
                  [b!, d.b],
                  ["consensus now", d.consensus],
                ].map(([who, ps]) => (
                  <p key={who as string} className="mt-1">
                    <span className="font-medium">{who as string}: </span>
                    {(ps as { quote?: string; start: number; end: number }[]).length
                      ? (ps as { start: number; end: number }[]).map((p) => `“${view.article.body.slice(p.start, p.end)}”`).join(" · ")
                      : <span className="text-muted">nothing tagged</span>}
                  </p>
                ))}
                {tagging.enabled && <AdjudicateForm slug={slug} theme={theme} coders={coders} start={d.start} end={d.end} secretRequired={tagging.secretRequired} />}
              </li>
            ))}
          </ol>
          {!tagging.enabled && here.length > 0 && <p className="mt-2 text-xs text-muted">Adjudication needs tagging to be on for this instance.</p>}
        </section>
        <section className="rounded-lg border border-border p-4">
          <h2 className="mb-2 font-semibold">Decisions recorded ({view.adjudications.length})</h2>
          <ol className="space-y-2 text-xs" data-testid="decisions">
            {view.adjudications.map((d) => (
              <li key={d.id}>
                <strong>{d.theme}</strong>: {d.decision} by {d.adjudicator}, {d.at.slice(0, 16).replace("T", " ")}
                {d.reason ? ` (${d.reason})` : ""}
              </li>
            ))}
          </ol>
        </section>
      </aside>
    </div>
  );
}
