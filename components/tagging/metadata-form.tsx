"use client";
import { useState } from "react";
import { DATE_BASES, DATE_PRECISIONS } from "@/lib/measure/dates";
import { useWriter } from "./use-writer";
import { WriterFields } from "./writer-fields";

type Org = { slug: string; name: string };
export type EditableMetadata = {
  title: string;
  date: string | null;
  datePrecision: string;
  dateNote: string;
  dateBasis: string | null;
  source: string;
  publisher: string | null;
};

const DATE_HINT: Record<string, string> = { day: "YYYY-MM-DD", month: "YYYY-MM", year: "YYYY", unknown: "leave empty" };

/** Edit an article's title, date (with precision and how it was established), source and publisher. */
export function MetadataForm({ slug, initial, organizations, secretRequired }: { slug: string; initial: EditableMetadata; organizations: Org[]; secretRequired: boolean }) {
  const writer = useWriter();
  const [m, setM] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const field = "rounded border border-border bg-background px-2 py-1 text-sm";
  const set = (patch: Partial<EditableMetadata>) => {
    setM({ ...m, ...patch });
    setSaved(false);
  };
  return (
    <form
      className="space-y-2 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const err = await writer.send("PATCH", `/api/articles/${slug}`, {
          ...m,
          date: m.datePrecision === "unknown" ? null : m.date,
          dateBasis: m.datePrecision === "unknown" ? null : (m.dateBasis ?? "stated"),
          annotator: writer.annotator,
        });
        setError(err);
        setSaved(!err);
      }}
    >
      <label className="flex flex-col gap-0.5 text-xs">
        Title
        <input className={field} value={m.title} onChange={(e) => set({ title: e.target.value })} required />
      </label>
      <div className="flex gap-2">
        <label className="flex flex-col gap-0.5 text-xs">
          Date precision
          <select className={field} value={m.datePrecision} onChange={(e) => set({ datePrecision: e.target.value })}>
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-1 flex-col gap-0.5 text-xs">
          Date ({DATE_HINT[m.datePrecision]})
          <input className={field} value={m.date ?? ""} disabled={m.datePrecision === "unknown"} onChange={(e) => set({ date: e.target.value || null })} />
        </label>
      </div>
      <label className="flex flex-col gap-0.5 text-xs">
        The date is
        <select
          className={field}
          value={m.dateBasis ?? "stated"}
          disabled={m.datePrecision === "unknown"}
          onChange={(e) => set({ dateBasis: e.target.value })}
        >
          {DATE_BASES.map((b) => (
            <option key={b} value={b}>
              {b === "stated" ? "stated by the text" : "inferred by an editor"}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-0.5 text-xs">
        How the date was established
        <textarea className={field} rows={3} value={m.dateNote} onChange={(e) => set({ dateNote: e.target.value })} required />
      </label>
      <label className="flex flex-col gap-0.5 text-xs">
        Source (whose words)
        <select className={field} value={m.source} onChange={(e) => set({ source: e.target.value })}>
          <OrgOptions organizations={organizations} />
        </select>
      </label>
      <label className="flex flex-col gap-0.5 text-xs">
        Publisher (site)
        <select className={field} value={m.publisher ?? ""} onChange={(e) => set({ publisher: e.target.value || null })}>
          <option value="">not known</option>
          <OrgOptions organizations={organizations} />
        </select>
      </label>
      <WriterFields {...writer} secretRequired={secretRequired} />
      <button type="submit" disabled={!writer.annotator.trim()} className="rounded bg-accent px-3 py-1.5 text-background disabled:opacity-50">
        Save metadata
      </button>
      <p role="status" className="text-xs">
        {saved ? "Saved." : ""}
      </p>
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}

function OrgOptions({ organizations }: { organizations: Org[] }) {
  return organizations.map((o) => (
    <option key={o.slug} value={o.slug}>
      {o.name}
    </option>
  ));
}
