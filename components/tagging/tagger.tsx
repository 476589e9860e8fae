"use client";
// Tagging in the reader: select text, choose themes, save; click a highlight to change its
// theme or remove it. Offsets come from the data-start of the run the selection lands in,
// so they index the stored body exactly; the server snaps them to whole words.
import { useRouter, useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import type { ThemeRef } from "@/lib/queries/analytics";
import { useWriter } from "./use-writer";
import { WriterFields } from "./writer-fields";
import { withCoder } from "../suggestions/with-coder";

export type TaggerPassage = { id: number; theme: string; quote: string; annotator: string; note: string | null };

type Props = {
  slug: string;
  themes: ThemeRef[];
  passages: TaggerPassage[];
  secretRequired: boolean;
  /** whose coding the page shows and the writes change; null: the consensus view, where a write starts the writer's own coding */
  coder: string | null;
  children: React.ReactNode;
};

/** Character offset in the body of a selection boundary, or null outside the text runs. */
function offsetOf(node: Node | null, offset: number): number | null {
  if (!node) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>("[data-start]");
    return run ? Number(run.dataset.start) + offset : null;
  }
  const el = node as HTMLElement;
  const child = el.childNodes[offset] as HTMLElement | undefined;
  const run = (child?.closest?.("[data-start]") as HTMLElement | null) ?? el.closest<HTMLElement>("[data-start]");
  return run ? Number(run.dataset.start) : null;
}

export function Tagger({ slug, themes, passages, secretRequired, coder, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const params = useSearchParams();
  const writer = useWriter();
  const [atTop, setAtTop] = useState(false);
  const [removed, setRemoved] = useState(0);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [selection, setSelection] = useState<{ start: number; end: number; text: string } | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [editing, setEditing] = useState<number[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const themeName = new Map(themes.map((t) => [t.slug, t.name]));

  const readSelection = () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !ref.current?.contains(sel.anchorNode)) return;
    const a = offsetOf(sel.anchorNode, sel.anchorOffset);
    const b = offsetOf(sel.focusNode, sel.focusOffset);
    if (a === null || b === null || a === b) return;
    setSelection({ start: Math.min(a, b), end: Math.max(a, b), text: sel.toString().trim() });
    // Keep the dialog off the passage being tagged: at the top when the selection is low on the screen.
    setAtTop(sel.getRangeAt(0).getBoundingClientRect().top > window.innerHeight / 2);
    setEditing(null);
    setRemoved(0);
    setError(null);
  };

  const openPassages = (target: EventTarget) => {
    const mark = (target as HTMLElement).closest?.<HTMLElement>("mark[data-ids]");
    const sel = window.getSelection();
    if (!mark || (sel && !sel.isCollapsed)) return;
    setEditing(mark.dataset.ids!.split(" ").map(Number));
    setAtTop(mark.getBoundingClientRect().top > window.innerHeight / 2);
    setSelection(null);
    setRemoved(0);
    setError(null);
  };

  const run = async (write: () => Promise<string | null>, after: () => void) => {
    setBusy(true);
    const err = await write();
    setBusy(false);
    setError(err);
    if (!err) after();
  };

  const writing = coder ?? writer.annotator;
  const save = () =>
    run(
      () =>
        writer.send("POST", `/api/articles/${slug}/annotations`, {
          ...selection,
          text: undefined,
          themes: chosen,
          annotator: writer.annotator,
          coder: writing,
          note: note || undefined,
        }),
      () => {
        setSelection(null);
        setChosen([]);
        setNote("");
        window.getSelection()?.removeAllRanges();
        // From the consensus view, the first tag starts the writer's own coding: show it, keeping the view.
        if (!coder) router.push(`?${withCoder(params, writer.annotator)}`, { scroll: false });
      },
    );
  const undo = () => run(() => writer.send("POST", `/api/articles/${slug}/undo`, { annotator: writer.annotator }), () => setRemoved(0));
  const saveHint = !writer.annotator.trim() ? "Enter your name to save." : chosen.length === 0 ? "Choose at least one theme." : null;

  return (
    <div>
      <div
        ref={ref}
        onMouseUp={readSelection}
        onKeyUp={(e) => (e.key === "Enter" ? openPassages(e.target) : readSelection())}
        onClick={(e) => openPassages(e.target)}
      >
        {children}
      </div>

      {(selection || editing) && (
        <div
          role="dialog"
          aria-label={selection ? "Tag the selected text" : "Edit passages"}
          className={`fixed inset-x-2 z-30 mx-auto max-w-2xl rounded-lg border border-border bg-background p-4 text-sm shadow-2xl ${atTop ? "top-2" : "bottom-2"}`}
        >
          {selection && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
              className="space-y-3"
            >
              <p className="font-semibold">Tag the selection</p>
              <blockquote className="max-h-24 overflow-y-auto border-l-4 border-border pl-3 italic">{selection.text}</blockquote>
              <p className="text-xs text-muted">It will snap to whole words.</p>
              <fieldset>
                <legend className="mb-1 text-xs font-medium">Themes</legend>
                <div className="flex flex-wrap gap-2">
                  {themes.map((t) => (
                    <label key={t.slug} className="inline-flex items-center gap-1.5 rounded-full border border-border px-2.5 py-1">
                      <input
                        type="checkbox"
                        checked={chosen.includes(t.slug)}
                        onChange={(e) => setChosen(e.target.checked ? [...chosen, t.slug] : chosen.filter((c) => c !== t.slug))}
                      />
                      <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ backgroundColor: t.colour }} />
                      {t.name}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label className="flex flex-col gap-0.5 text-xs">
                Note (optional: why this passage carries the theme)
                <input value={note} onChange={(e) => setNote(e.target.value)} className="rounded border border-border bg-background px-2 py-1 text-sm" />
              </label>
              <WriterFields {...writer} secretRequired={secretRequired} />
              <p className="text-xs text-muted" data-testid="coding-as">
                {writer.annotator.trim() ? `Saved in ${writing === "consensus" ? "the consensus" : `${writing}'s coding`}.` : ""}
              </p>
              <div className="flex flex-wrap items-center gap-2">
                <button type="submit" disabled={busy || saveHint !== null} className="rounded bg-accent px-3 py-1.5 text-background disabled:opacity-50">
                  Save tag
                </button>
                {saveHint && <span className="text-xs text-muted" data-testid="save-hint">{saveHint}</span>}
                <button type="button" onClick={() => setSelection(null)} className="rounded border border-border px-3 py-1.5">
                  Cancel
                </button>
              </div>
            </form>
          )}

          {editing && (
            <div className="space-y-3">
              <p className="font-semibold">Passages here</p>
              <WriterFields {...writer} secretRequired={secretRequired} />
              {removed > 0 && (
                <p role="status" className="flex items-center gap-2" data-testid="removed">
                  Passage removed.
                  <button type="button" disabled={busy} onClick={() => void undo()} className="rounded border border-border px-2 py-0.5 text-xs">
                    Undo
                  </button>
                </p>
              )}
              {editing.every((id) => !byId.has(id)) && removed === 0 && <p className="text-muted">No passage left here.</p>}
              <ul className="space-y-2">
                {editing.map((id) => {
                  const p = byId.get(id);
                  if (!p) return null;
                  return (
                    <li key={id} className="rounded border border-border p-2" data-testid="passage-editor">
                      <p className="line-clamp-2 italic">“{p.quote}”</p>
                      <p className="mt-1 text-xs text-muted">
                        {themeName.get(p.theme)} · tagged by {p.annotator}
                        {p.note ? ` · ${p.note}` : ""}
                      </p>
                      <div className="mt-2 flex flex-wrap items-center gap-2">
                        <label className="text-xs">
                          Theme{" "}
                          <select
                            value={p.theme}
                            disabled={busy || !writer.annotator.trim()}
                            onChange={(e) => void run(() => writer.send("PATCH", `/api/annotations/${id}`, { theme: e.target.value, annotator: writer.annotator }), () => {})}
                            className="rounded border border-border bg-background px-1 py-0.5"
                          >
                            {themes.map((t) => (
                              <option key={t.slug} value={t.slug}>
                                {t.name}
                              </option>
                            ))}
                          </select>
                        </label>
                        <button
                          type="button"
                          disabled={busy || !writer.annotator.trim()}
                          onClick={() =>
                            void run(
                              () => writer.send("DELETE", `/api/annotations/${id}?annotator=${encodeURIComponent(writer.annotator)}`),
                              () => {
                                setEditing(editing.filter((x) => x !== id));
                                setRemoved((n) => n + 1);
                              },
                            )
                          }
                          className="rounded border border-border px-2 py-0.5 text-xs"
                        >
                          Remove
                        </button>
                      </div>
                      <form
                        className="mt-2 flex flex-wrap items-end gap-2"
                        onSubmit={(e) => {
                          e.preventDefault();
                          void run(() => writer.send("PATCH", `/api/annotations/${id}`, { note: notes[id] ?? p.note ?? "", annotator: writer.annotator }), () => {});
                        }}
                      >
                        <label className="flex flex-1 flex-col gap-0.5 text-xs">
                          Note
                          <input value={notes[id] ?? p.note ?? ""} onChange={(e) => setNotes({ ...notes, [id]: e.target.value })} className="rounded border border-border bg-background px-2 py-1 text-sm" />
                        </label>
                        <button type="submit" disabled={busy || !writer.annotator.trim()} className="rounded border border-border px-2 py-1 text-xs">
                          Save note
                        </button>
                      </form>
                    </li>
                  );
                })}
              </ul>
              {!writer.annotator.trim() && <p className="text-xs text-muted">Enter your name to change or remove a passage.</p>}
              <button type="button" onClick={() => setEditing(null)} className="rounded border border-border px-3 py-1.5">
                Close
              </button>
            </div>
          )}
          {error && (
            <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
