"use client";
import { useState } from "react";
import { useWriter } from "./use-writer";

export type HistoryEntry = { id: number; at: string; who: string; coder: string; action: string; before: { theme: string; quote: string } | null; after: { theme: string; quote: string } | null };

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function describe(e: HistoryEntry): string {
  const what = e.after ?? e.before;
  const q = what ? `“${clip(what.quote)}” (${what.theme})` : "";
  if (e.action === "create") return `tagged ${q}`;
  if (e.action === "delete") return `removed ${q}`;
  if (e.action === "undo") return `undid a change: ${q}`;
  return e.before && e.after && e.before.theme !== e.after.theme ? `changed ${q} from ${e.before.theme}` : `edited ${q}`;
}

/** Who changed which passage when, newest first, and undo of one's own latest change. */
export function HistoryPanel({ slug, entries, secretRequired }: { slug: string; entries: HistoryEntry[]; secretRequired: boolean }) {
  const writer = useWriter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-2 text-sm" data-testid="history">
      <ol className="max-h-64 space-y-1 overflow-y-auto text-xs">
        {entries.length === 0 && <li className="text-muted">No changes made in the app yet.</li>}
        {entries.map((e) => (
          <li key={e.id}>
            <span className="text-muted">{e.at.slice(0, 16).replace("T", " ")}</span> <strong>{e.who}</strong>
            {e.coder !== e.who ? <span className="text-muted"> ({e.coder === "consensus" ? "consensus" : `${e.coder}'s coding`})</span> : null}: {describe(e)}
          </li>
        ))}
      </ol>
      {!secretRequired || writer.secret ? null : <p className="text-xs text-muted">Enter the tagging secret in a tagging form first.</p>}
      <button
        type="button"
        disabled={busy || !writer.annotator.trim()}
        onClick={async () => {
          setBusy(true);
          setError(await writer.send("POST", `/api/articles/${slug}/undo`, { annotator: writer.annotator }));
          setBusy(false);
        }}
        className="rounded border border-border px-3 py-1.5 disabled:opacity-50"
      >
        {writer.annotator.trim() ? `Undo ${writer.annotator}'s last change` : "Undo my last change (enter your name in a form)"}
      </button>
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
