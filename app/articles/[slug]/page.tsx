import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleReader } from "@/components/article-reader";
import { CodingStatusBadge, DATE_BASIS_TEXT } from "@/components/coding-status-badge";
import { HistoryPanel } from "@/components/tagging/history-panel";
import { StatusForm } from "@/components/tagging/status-form";
import { CODER_NAME, CONSENSUS, isCounted, type CodingStatus } from "@/lib/coding/status";
import { MetadataForm } from "@/components/tagging/metadata-form";
import { Tagger } from "@/components/tagging/tagger";
import { ThemeSwatch } from "@/components/theme-swatch";
import { csvDate, formatValue } from "@/lib/measure/totals";
import { formatDate } from "@/lib/measure/dates";
import { percent } from "@/lib/measure/words";
import { getArticle, getHistory, getOrganizations, getThemes } from "@/lib/queries/articles";
import { taggingMode } from "@/lib/coding/authority";
import { filterQuery } from "@/lib/filters/travel";
import { toMultiMap } from "@/lib/filters/schema";
import { getSuggestions } from "@/lib/queries/suggestions";
import { SuggestionPanel } from "@/components/suggestions/suggestion-panel";
import { withCoder } from "@/components/suggestions/with-coder";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

const PRECISION_TEXT: Record<string, string> = {
  day: "known to the day",
  month: "known to the month",
  year: "known to the year",
  unknown: "unknown",
};

export default async function ArticlePage({ params, searchParams }: Props) {
  const sp = await searchParams;
  const asked = Array.isArray(sp.coder) ? sp.coder[0] : sp.coder;
  // ?coder=NAME shows (and with tagging on, edits) that coder's coding; otherwise the consensus.
  const coder = asked && (asked === CONSENSUS || CODER_NAME.test(asked)) ? asked : CONSENSUS;
  const slug = (await params).slug;
  const tagging = taggingMode();
  const [article, themes, organizations, history, suggestions] = await Promise.all([
    getArticle(slug, coder),
    getThemes(),
    getOrganizations(),
    getHistory(slug, 30),
    tagging.enabled ? getSuggestions(slug, coder) : null,
  ]);
  if (!article) notFound();
  // The view the reader was opened from (the shared filters) travels back with its links.
  const view = new URLSearchParams(filterQuery(toParams(sp)));
  const viewWithout = (key: string) => {
    const v = new URLSearchParams(view);
    v.delete(key);
    return v.size ? `?${v}` : "";
  };
  const askedPassage = Array.isArray(sp.passage) ? sp.passage[0] : sp.passage;
  const target = askedPassage && /^\d{1,15}$/.test(askedPassage) ? Number(askedPassage) : null;
  const own = article.codings.find((c) => c.coder === coder);
  const others = article.codings.filter((c) => c.coder !== coder);
  // Blind coding: another coder's passages are offered only once this coder's own coding is done.
  const ownDone = own ? isCounted(own.status) : false;
  const reader = <ArticleReader article={article} themes={themes} editable={tagging.enabled} target={target} />;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article className="min-w-0">
        <p className="mb-2 text-sm">
          <Link href={`/articles${viewWithout("")}`} data-testid="back-to-articles">← All articles</Link>
        </p>
        <h1 className="text-2xl font-semibold leading-snug">{article.title}</h1>
        {article.titleNote && <p className="mt-1 text-sm italic text-muted">{article.titleNote}</p>}
        <p className="mb-6 mt-2 flex flex-wrap items-center gap-x-2 text-sm text-muted">
          <span>
            {formatDate(article.dateStart, article.datePrecision)}
            {article.dateBasis === "inferred" ? " (inferred)" : ""} · {article.source.name}
            {article.publisher && article.publisher.slug !== article.source.slug ? ` · via ${article.publisher.name}` : ""}
          </span>
          <CodingStatusBadge status={article.codingStatus} />
        </p>
        {tagging.enabled ? (
          <>
            <p className="mb-4 rounded border border-border bg-surface p-2 text-sm" data-testid="tagging-help">
              Tagging is on: select text to tag it, or click a highlight to change or remove it.
            </p>
            {suggestions && (
              <SuggestionPanel
                slug={article.slug}
                themes={themes}
                suggestions={suggestions}
                secretRequired={tagging.secretRequired}
                coder={coder === CONSENSUS ? null : coder}
              />
            )}
            <Tagger
              slug={article.slug}
              themes={themes}
              passages={article.annotations.map(({ id, theme, quote, annotator, note }) => ({ id, theme, quote, annotator, note }))}
              secretRequired={tagging.secretRequired}
              coder={coder === CONSENSUS ? null : coder}
            >
              {reader}
            </Tagger>
          </>
        ) : (
          reader
        )}
      </article>

      <aside className="space-y-6 text-sm lg:sticky lg:top-4 lg:self-start">
        <section aria-labelledby="codings-title" className="rounded-lg border border-border p-4" data-testid="codings">
          <h2 id="codings-title" className="mb-2 font-semibold">Codings</h2>
          <p className="mb-2 text-xs text-muted">
            Showing {coder === CONSENSUS ? "the consensus, which every chart uses" : `${coder}'s coding`}.
            {article.codings.length > 1 && !article.adjudicated ? " Several coders: the consensus waits for adjudication." : ""}
          </p>
          <ul className="space-y-1 text-sm">
            <li>
              {coder === CONSENSUS ? <strong>Consensus</strong> : <Link href={`/articles/${article.slug}${viewWithout("coder")}`}>Consensus</Link>} <CodingStatusBadge status={article.codingStatus} />
            </li>
            {article.codings.map((c) => (
              <li key={c.coder}>
                {c.coder === coder ? (
                  <strong>{c.coder}</strong>
                ) : coder !== CONSENSUS && !ownDone ? (
                  <span className="text-muted" title="Blind coding: mark your own coding done to see it">{c.coder} (hidden while you code)</span>
                ) : (
                  <Link href={`/articles/${article.slug}?${withCoder(view, c.coder)}`}>{c.coder}</Link>
                )}{" "}
                <CodingStatusBadge status={c.status} />
              </li>
            ))}
          </ul>
          {coder !== CONSENSUS && !ownDone && others.length > 0 && (
            <p className="mt-2 text-xs" data-testid="blind-note">
              Blind coding: the other coders&apos; passages stay hidden until you mark your coding done.
            </p>
          )}
          {(coder === CONSENSUS || ownDone) && article.codings.length > 1 && (
            <p className="mt-2 text-xs">
              Compare:{" "}
              {article.codings.slice(1).map((c, i) => (
                <span key={c.coder}>
                  {i > 0 ? " · " : ""}
                  <Link href={`/agreement/${article.slug}?a=${encodeURIComponent(article.codings[0].coder)}&b=${encodeURIComponent(c.coder)}`}>
                    {article.codings[0].coder} and {c.coder}
                  </Link>
                </span>
              ))}
            </p>
          )}
          {tagging.enabled && coder === CONSENSUS && (
            <p className="mt-2 text-xs text-muted">To code this article yourself, tag a passage: it starts your own coding under your name (blind to the others).</p>
          )}
        </section>

        <section aria-labelledby="legend-title" className="rounded-lg border border-border p-4">
          <h2 id="legend-title" className="mb-2 font-semibold">Themes in this article</h2>
          {!isCounted(article.codingStatus) && (
            <p className="mb-2 rounded border border-amber-600 p-2 text-xs dark:border-amber-400" data-testid="not-counted">
              Not yet coded: this article counts in no theme figure until it is marked coded.
            </p>
          )}
          <table className="w-full text-sm" data-testid="article-themes">
            <thead className="text-left text-xs text-muted">
              <tr>
                <th scope="col" className="pb-1 font-medium">Theme</th>
                <th scope="col" className="pb-1 text-right font-medium">Passages</th>
                <th scope="col" className="pb-1 pl-4 text-right font-medium">Share</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((t) => {
                const s = article.stats[t.slug] ?? { taggedWords: 0, passages: 0 };
                return (
                  <tr key={t.slug} className="border-t border-border">
                    <th scope="row" className="py-1 text-left font-normal">
                      <span className="inline-flex items-center gap-1.5">
                        <ThemeSwatch colour={t.colour} />
                        {t.name}
                      </span>
                    </th>
                    <td className="py-1 text-right tabular-nums">{s.passages}</td>
                    <td className="py-1 pl-4 text-right tabular-nums" title={`${s.taggedWords} of ${article.wordCount} words`}>
                      {formatValue("share", percent(s.taggedWords, article.wordCount))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-muted">
            Share = words inside the theme’s passages ÷ {article.wordCount.toLocaleString("en")} words. Overlapping passages show
            one underline per theme.
          </p>
        </section>

        <section aria-labelledby="meta-title" className="rounded-lg border border-border p-4">
          <h2 id="meta-title" className="mb-2 font-semibold">About this text</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2">
            <dt className="text-muted">Date</dt>
            <dd>
              {formatDate(article.dateStart, article.datePrecision)}{" "}
              <span className="text-muted">
                ({PRECISION_TEXT[article.datePrecision]}
                {article.dateBasis ? `, ${DATE_BASIS_TEXT[article.dateBasis] ?? article.dateBasis}` : ""})
              </span>
              <p className="mt-1 text-xs text-muted" data-testid="date-note">{article.dateNote}</p>
            </dd>
            <dt className="text-muted">Coding</dt>
            <dd>
              <CodingStatusBadge status={article.codingStatus} />
            </dd>
            <dt className="text-muted">Source</dt>
            <dd>{article.source.name}</dd>
            <dt className="text-muted">Publisher</dt>
            <dd>{article.publisher?.name ?? <span className="text-muted">not known</span>}</dd>
            {article.attribution && (
              <>
                <dt className="text-muted">Credited</dt>
                <dd>“Source: {article.attribution}”</dd>
              </>
            )}
            <dt className="text-muted">Mentions</dt>
            <dd>{article.mentions.length ? article.mentions.map((m) => m.name).join("; ") : "none recorded"}</dd>
            <dt className="text-muted">Words</dt>
            <dd className="tabular-nums">{article.wordCount.toLocaleString("en")}</dd>
            {article.url && (
              <>
                <dt className="text-muted">Original</dt>
                <dd className="break-all"><a href={article.url}>{article.url}</a></dd>
              </>
            )}
          </dl>
          <p className="mt-3 text-xs">
            <a href={`/api/articles/${article.slug}/annotations${coder === CONSENSUS ? "" : `?coder=${encodeURIComponent(coder)}`}`} download>
              Download {coder === CONSENSUS ? "the consensus" : `${coder}'s coding`} (JSON annotation file)
            </a>
          </p>
        </section>

        {tagging.enabled && (
          <section aria-labelledby="status-title" className="rounded-lg border border-border p-4">
            <h2 id="status-title" className="mb-2 font-semibold">Coding status</h2>
            <p className="mb-2 text-xs text-muted">{coder === CONSENSUS ? "Of the consensus (what the charts count)." : `Of ${coder}'s coding.`}</p>
            <StatusForm slug={article.slug} coder={coder} status={(own?.status ?? article.codingStatus) as CodingStatus} secretRequired={tagging.secretRequired} />
          </section>
        )}
        {tagging.enabled && (
          <section aria-labelledby="history-title" className="rounded-lg border border-border p-4">
            <h2 id="history-title" className="mb-2 font-semibold">History</h2>
            <HistoryPanel slug={article.slug} entries={history} secretRequired={tagging.secretRequired} />
          </section>
        )}
        {tagging.enabled && (
          <details className="rounded-lg border border-border p-4">
            <summary className="cursor-pointer font-semibold">Edit metadata</summary>
            <div className="mt-3">
              <MetadataForm
                slug={article.slug}
                organizations={organizations}
                secretRequired={tagging.secretRequired}
                initial={{
                  title: article.title,
                  date: csvDate(article.dateStart, article.datePrecision) || null,
                  datePrecision: article.datePrecision,
                  dateNote: article.dateNote,
                  dateBasis: article.dateBasis,
                  source: article.source.slug,
                  publisher: article.publisher?.slug ?? null,
                }}
              />
            </div>
          </details>
        )}
      </aside>
    </div>
  );
}

/** The page's search params as URLSearchParams (each value of a repeated key), for the view helpers. */
function toParams(sp: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, vs] of Object.entries(toMultiMap(sp))) for (const v of vs) out.append(k, v);
  return out;
}
