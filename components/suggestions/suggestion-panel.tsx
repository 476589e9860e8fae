"use client";
// Suggestions from the codebook in the reader: untagged sentences that match a theme's cues,
// each to accept (it becomes a passage, like a tag made by hand) or dismiss (not offered to this
// coder again). Nothing is tagged until the coder says so.
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { ThemeRef } from "@/lib/queries/analytics";
import type { OfferedSuggestion } from "@/lib/queries/suggestions";
import { useWriter } from "../tagging/use-writer";
import { WriterFields } from "../tagging/writer-fields";
import { withCoder } from "./with-coder";

const SHOWN = 20;

type Props = {
  slug: string;
  themes: ThemeRef[];
  suggestions: OfferedSuggestion[];
  secretRequired: boolean;
  /** whose coding the page shows; null: the consensus view, where an answer goes into the writer's own coding */
  coder: string | null;
};

export function SuggestionPanel({ slug, themes, suggestions, secretRequired, coder }: Props) {
  const router = useRouter();
  const params = useSearchParams();
  const writer = useWriter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  // Answered here, before the page's data comes back: hidden at once.
  const [answered, setAnswered] = useState<string[]>([]);
  const byTheme = new Map(themes.map((t) => [t.slug, t]));
  const writing = coder ?? writer.annotator.trim();
  const key = (s: OfferedSuggestion) => `${s.theme}:${s.start}:${s.end}`;
  const open = suggestions.filter((s) => !(writing && s.decidedBy.includes(writing)) && !answered.includes(key(s)));
  const shown = all ? open : open.slice(0, SHOWN);

  const answer = async (s: OfferedSuggestion, decision: "accepted" | "dismissed") => {
    setBusy(true);
    const err = await writer.send("POST", `/api/articles/${slug}/suggestions`, {
      decision,
      theme: s.theme,
      start: s.start,
      end: s.end,
      annotator: writer.annotator,
      coder: writing,
    });
    setBusy(false);
    setError(err);
    if (err) return;
    setAnswered((a) => [...a, key(s)]);
    // From the consensus view, the first answer starts the writer's own coding: show it, keeping the view.
    if (!coder) router.push(`?${withCoder(params, writer.annotator)}`, { scroll: false });
  };

  return (
    <details open className="mb-6 rounded-lg border border-border p-3 text-sm" data-testid="suggestions">
      <summary className="cursor-pointer font-semibold">
        Suggestions from the codebook <span className="font-normal text-muted">({open.length})</span>
      </summary>
      <p className="mt-1 text-xs text-muted">
        Sentences without a passage of the theme whose words match one of its cues (as <a href="/codebook">the codebook</a> turns cues into searches).
        A match is a hint, not a judgement: accept only what the codebook&apos;s definition and boundaries allow.
      </p>
      <div className="mt-2">
        <WriterFields {...writer} secretRequired={secretRequired} />
      </div>
      {writer.annotator.trim() && (
        <p className="mt-1 text-xs text-muted" data-testid="suggestions-coding-as">
          Answers go into {writing === "consensus" ? "the consensus" : `${writing}'s coding`}.
        </p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {open.length === 0 ? (
        <p className="mt-2 text-muted">No suggestions: every sentence a cue matches is tagged with its theme or answered.</p>
      ) : (
        <ul className="mt-2 max-h-[28rem] space-y-2 overflow-y-auto pr-1">
          {bySentence(shown).map((group) => (
            <li key={`${group[0].start}-${group[0].end}`} className="rounded border border-border p-2" data-testid="suggestion-sentence">
              <p className="leading-relaxed">
                <span data-testid="suggestion-text">{group[0].sentence}</span>{" "}
                <button type="button" onClick={() => showInText(group[0].start)} className="text-xs text-accent underline">
                  Show in text
                </button>
              </p>
              <ul className="mt-1 space-y-1">
                {group.map((s) => {
                  const t = byTheme.get(s.theme);
                  return (
                    <li key={key(s)} className="flex flex-wrap items-center gap-x-2 gap-y-1 border-l-4 pl-2 text-xs" style={{ borderColor: t?.colour ?? "#888" }} data-testid="suggestion" data-theme={s.theme} data-start={s.start}>
                      <span className="font-medium">{t?.name ?? s.theme}</span>
                      <span className="text-muted">cue “{s.cue}”</span>
                      <span className="ml-auto flex gap-2">
                        <button
                          type="button"
                          disabled={busy || !writer.annotator.trim()}
                          onClick={() => void answer(s, "accepted")}
                          aria-label={`Accept as ${t?.name ?? s.theme}`}
                          className="rounded bg-accent px-2.5 py-1 text-background disabled:opacity-50"
                        >
                          Accept
                        </button>
                        <button
                          type="button"
                          disabled={busy || !writer.annotator.trim()}
                          onClick={() => void answer(s, "dismissed")}
                          aria-label={`Dismiss for ${t?.name ?? s.theme}`}
                          className="rounded border border-border px-2.5 py-1 disabled:opacity-50"
                        >
                          Dismiss
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {!writer.annotator.trim() && open.length > 0 && <p className="mt-2 text-xs text-muted">Enter your name to accept or dismiss.</p>}
      {open.length > SHOWN && (
        <button type="button" onClick={() => setAll(!all)} className="mt-2 rounded border border-border px-2.5 py-1 text-xs">
          {all ? `Show the first ${SHOWN}` : `Show all ${open.length}`}
        </button>
      )}
    </details>
  );
}

/** Suggestions of the same sentence together (they arrive in reading order, then codebook order). */
function bySentence(list: OfferedSuggestion[]): OfferedSuggestion[][] {
  const groups: OfferedSuggestion[][] = [];
  for (const s of list) {
    const last = groups.at(-1);
    if (last && last[0].start === s.start && last[0].end === s.end) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

/** Scroll the article to the run of text holding `start` (runs carry their offset in data-start). */
function showInText(start: number) {
  const runs = [...document.querySelectorAll<HTMLElement>('[data-testid="article-body"] [data-start]')];
  const run = runs.filter((r) => Number(r.dataset.start) <= start).at(-1);
  run?.scrollIntoView({ block: "center", behavior: "smooth" });
}
