"use client";
import { useState } from "react";
import { CODING_STATUS_LABELS, CODING_STATUSES, type CodingStatus } from "@/lib/coding/status";
import { useWriter } from "./use-writer";
import { WriterFields } from "./writer-fields";

/** Set where the coding of this article stands; "Mark as coded" brings it into every theme figure. */
export function StatusForm({ slug, coder, status, secretRequired }: { slug: string; coder: string; status: CodingStatus; secretRequired: boolean }) {
  const writer = useWriter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = async (next: CodingStatus) => {
    setPending(true);
    setError(await writer.send("PATCH", `/api/articles/${slug}/status`, { status: next, annotator: writer.annotator, coder }));
    setPending(false);
  };
  const noName = !writer.annotator.trim();
  return (
    <div className="space-y-2 text-sm" data-testid="status-form">
      <WriterFields {...writer} secretRequired={secretRequired} />
      {noName && <p className="text-xs text-muted">Enter your name to change the status.</p>}
      <div className="flex flex-wrap gap-2">
        {status !== "coded" && status !== "reviewed" && (
          <button type="button" disabled={noName || pending} onClick={() => set("coded")} className="rounded bg-accent px-3 py-1.5 text-background disabled:opacity-50">
            Mark as coded
          </button>
        )}
        <label className="flex items-center gap-1 text-xs">
          Status
          <select
            value={status}
            disabled={noName || pending}
            onChange={(e) => set(e.target.value as CodingStatus)}
            className="rounded border border-border bg-background px-2 py-1 text-sm"
          >
            {CODING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CODING_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
