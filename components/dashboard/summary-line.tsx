import Link from "next/link";
import type { Summary } from "@/lib/queries/analytics";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** What the numbers in view rest on, and which articles they leave out as not yet coded. */
export function SummaryLine({
  summary,
  codebookVersion,
  articlesHref,
  notCodedHref,
}: {
  summary: Summary;
  codebookVersion: string;
  articlesHref: string;
  notCodedHref: string;
}) {
  const counted = summary.coding === "all" ? "article" : "coded article";
  return (
    <p className="text-sm" data-testid="summary">
      In view: <Link href={articlesHref} prefetch={false}><strong>{plural(summary.articles, counted)}</strong></Link>
      {" · "}
      <strong>{summary.words.toLocaleString("en")}</strong> words · <strong>{summary.passages.toLocaleString("en")}</strong> tagged passage
      {summary.passages === 1 ? "" : "s"}
      {summary.notCoded > 0 && (
        <span data-testid="not-coded">
          {" · "}
          <Link href={notCodedHref} prefetch={false}>{plural(summary.notCoded, "article")} not yet coded</Link>
          {summary.coding === "all" ? ", included as asked (their untagged words count as untagged)" : ", left out of every figure"}
        </span>
      )}
      <span className="text-muted"> · codebook {codebookVersion}</span>
    </p>
  );
}
