// What the import stored: a link to every new (or replaced) article, and why the others were not.
import Link from "next/link";
import type { ImportAnswer } from "@/lib/http/import-upload";

export function ImportResults({ answer }: { answer: ImportAnswer }) {
  return (
    <section aria-labelledby="import-result" className="space-y-2" data-testid="import-result">
      <h2 id="import-result" className="text-lg font-semibold">
        Imported
      </h2>
      <p className="text-sm" role="status">
        {answer.summary}
      </p>
      <ul className="space-y-1 text-sm">
        {answer.rows.map((r) => (
          <li key={r.index}>
            <span className="break-all text-muted">{r.file}: </span>
            {(r.status === "imported" || r.status === "replaced") && r.slug ? (
              <>
                {r.status === "replaced" ? "replaced the text of " : ""}
                <Link href={`/articles/${r.slug}`}>{r.title}</Link>
              </>
            ) : r.status === "duplicate" ? (
              <>already stored as <Link href={`/articles/${r.slug}`}>{r.slug}</Link></>
            ) : r.status === "near-duplicate" && r.nearDuplicate ? (
              <>not imported, almost the same as <Link href={`/articles/${r.nearDuplicate.slug}`}>{r.nearDuplicate.title}</Link></>
            ) : (
              <span className="text-red-700 dark:text-red-400">not imported: {r.problems.join("; ")}</span>
            )}
          </li>
        ))}
      </ul>
      <p className="text-sm">
        New articles start <em>uncoded</em>: open one to tag it, then mark it coded. <Link href="/articles?status=uncoded">Uncoded articles</Link>
      </p>
    </section>
  );
}
