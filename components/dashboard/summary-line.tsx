import Link from "next/link";
import type { Summary } from "@/lib/queries/analytics";

export function SummaryLine({ summary, codebookVersion, articlesHref }: { summary: Summary; codebookVersion: string; articlesHref: string }) {
  return (
    <p className="text-sm" data-testid="summary">
      In view: <Link href={articlesHref}><strong>{summary.articles.toLocaleString("en")}</strong> article{summary.articles === 1 ? "" : "s"}</Link>
      {" · "}
      <strong>{summary.words.toLocaleString("en")}</strong> words · <strong>{summary.passages.toLocaleString("en")}</strong> tagged passage
      {summary.passages === 1 ? "" : "s"}
      <span className="text-muted"> · codebook {codebookVersion}</span>
    </p>
  );
}
