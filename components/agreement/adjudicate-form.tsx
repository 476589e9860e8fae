"use client";
import { useState } from "react";
import { useWriter } from "../tagging/use-writer";
import { WriterFields } from "../tagging/writer-fields";

type Props = { slug: string; theme: string; coders: [string, string]; start: number; end: number; secretRequired: boolean };

const DECISIONS = [
  ["a", (c: [string, string]) => `Accept ${c[0]}'s`],
  ["b", (c: [string, string]) => `Accept ${c[1]}'s`],
  ["both", () => "Both"],
  ["neither", () => "Neither"],
] as const;

/** One disagreement's decision into the consensus: A's passages, B's, both, neither, or an edited passage. */
export function AdjudicateForm({ slug, theme, coders, start, end, secretRequired }: Props) {
  const writer = useWriter();
  const [reason, setReason] = useState("");
  const [edit, setEdit] = useState({ start, end });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = async (decision: string) => {
    const err = await writer.send("POST", `/api/articles/${slug}/adjudications`, {
      theme,
      coderA: coders[0],
      coderB: coders[1],
      start,
      end,
      decision,
      ...(decision === "edit" ? { edit } : {}),
      reason: reason || undefined,
      annotator: writer.annotator,
    });
    setError(err);
    setDone(err ? null : decision);
  };
  const noName = !writer.annotator.trim();
  return (
    <div className="mt-2 space-y-2 rounded border border-border p-2 text-xs" data-testid="adjudicate">
      <WriterFields {...writer} secretRequired={secretRequired} />
      <label className="flex flex-col gap-0.5">
        Reason (recorded with the decision)
        <input value={reason} onChange={(e) => setReason(e.target.value)} className="rounded border border-border bg-background px-2 py-1 text-sm" />
      </label>
      {noName && <p className="text-muted">Enter your name to decide.</p>}
      <div className="flex flex-wrap items-end gap-2">
        {DECISIONS.map(([d, label]) => (
          <button key={d} type="button" disabled={noName} onClick={() => void send(d)} className="rounded border border-border px-2 py-1 hover:bg-surface disabled:opacity-50">
            {label(coders)}
          </button>
        ))}
        <span className="inline-flex items-end gap-1">
          <label className="flex flex-col">
            from
            <input type="number" value={edit.start} onChange={(e) => setEdit({ ...edit, start: Number(e.target.value) })} className="w-20 rounded border border-border bg-background px-1" />
          </label>
          <label className="flex flex-col">
            to
            <input type="number" value={edit.end} onChange={(e) => setEdit({ ...edit, end: Number(e.target.value) })} className="w-20 rounded border border-border bg-background px-1" />
          </label>
          <button type="button" disabled={noName} onClick={() => void send("edit")} className="rounded border border-border px-2 py-1 hover:bg-surface disabled:opacity-50">
            Use this passage
          </button>
        </span>
      </div>
      <p role="status">{done ? `Decided: ${done}. The consensus and the dashboard now show it.` : ""}</p>
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
