"use client";
// The dry run's rows: what each file (or row of a table file) would become, where each field came
// from, what could not be determined, and the near-duplicate it resembles. Title, date, source and
// publisher can be corrected here before importing. On a phone each row stacks into a card.
import type { ImportRow } from "@/lib/http/import-upload";
import type { Correction } from "./encode";

const STATUS: Record<ImportRow["status"], string> = {
  checked: "would be imported",
  duplicate: "already stored",
  "near-duplicate": "near-duplicate",
  failed: "cannot be imported",
  imported: "imported",
  replaced: "replaced",
};

const cell = "block px-2 py-1.5 align-top md:table-cell";
const label = "text-xs font-medium text-muted md:hidden";
const input = "w-full rounded border border-border bg-background px-2 py-1 text-sm";

type Props = { rows: ImportRow[]; corrections: Record<string, Correction>; onCorrect: (index: number, c: Correction) => void };

export function DryRunTable({ rows, corrections, onCorrect }: Props) {
  return (
    <table className="w-full border-collapse text-sm" data-testid="dry-run-table">
      <thead className="hidden border-b border-border text-left md:table-header-group">
        <tr>
          {["File", "Title", "Date", "Source", "Publisher", "Words", "Problems"].map((h) => (
            <th key={h} scope="col" className="px-2 py-1.5 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const c = corrections[r.index] ?? {};
          const editable = r.status === "checked" || r.status === "near-duplicate";
          const field = (key: keyof Correction, value: string | null, name: string) =>
            editable ? (
              <input aria-label={`${name} of ${r.file}`} className={input} value={c[key] ?? value ?? ""} onChange={(e) => onCorrect(r.index, { ...c, [key]: e.target.value })} />
            ) : (
              <span>{value ?? "—"}</span>
            );
          return (
            <tr key={r.index} className="mb-3 block rounded border border-border md:mb-0 md:table-row md:rounded-none md:border-0 md:border-b" data-testid="dry-run-row">
              <td className={cell}>
                <span className="break-all font-medium">{r.file}</span>
                <span className={`mt-0.5 block text-xs ${r.status === "failed" ? "text-red-700 dark:text-red-400" : "text-muted"}`}>{STATUS[r.status]}</span>
              </td>
              <td className={`${cell} md:w-1/3`}>
                <span className={label}>Title</span>
                {field("title", r.title, "Title")}
              </td>
              <td className={`${cell} md:w-36`}>
                <span className={label}>Date</span>
                {field("date", r.date, "Date")}
                {r.dateFrom && <span className="mt-0.5 block text-xs text-muted">{r.dateFrom}</span>}
              </td>
              <td className={cell}>
                <span className={label}>Source</span>
                {field("source", r.source?.name ?? null, "Source")}
                {r.source && <span className="mt-0.5 block text-xs text-muted">{r.source.isNew ? "new organization, " : ""}from {r.source.from}</span>}
              </td>
              <td className={cell}>
                <span className={label}>Publisher</span>
                {field("publisher", r.publisher?.name ?? null, "Publisher")}
                {r.publisher && <span className="mt-0.5 block text-xs text-muted">from {r.publisher.from}</span>}
              </td>
              <td className={`${cell} md:text-right`}>
                <span className={label}>Words </span>
                {r.words?.toLocaleString("en") ?? "—"}
              </td>
              <td className={`${cell} md:max-w-72`}>
                <span className={label}>Problems</span>
                {r.nearDuplicate && (
                  <p className="text-xs" data-testid="near-duplicate">
                    Almost the same text as{" "}
                    <a href={`/articles/${r.nearDuplicate.slug}`} target="_blank" rel="noreferrer">
                      {r.nearDuplicate.title}
                    </a>{" "}
                    (similarity {r.nearDuplicate.similarity.toFixed(2)})
                  </p>
                )}
                {r.status === "duplicate" && r.slug && <p className="text-xs">The same text is stored as {r.slug}.</p>}
                <ul className="list-disc pl-4 text-xs">
                  {r.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
