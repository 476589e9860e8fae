"use client";
// Import in the app: choose files, check them (a dry run on the server, nothing written), correct
// title, date, source or publisher per row, then import. The same import as `npm run import`.
import { useEffect, useState } from "react";
import type { ImportAnswer, ImportRow } from "@/lib/http/import-upload";
import { DryRunTable } from "./dry-run-table";
import { ImportResults } from "./import-results";
import { fileToBase64, postImport, type Correction, type NearMode, type UploadFile } from "./encode";

const ACCEPT = ".txt,.html,.htm,.csv,.jsonl,.ndjson";

/** Only what the user changed: an unchanged field is not a correction. */
function changed(rows: ImportRow[], corrections: Record<string, Correction>): Record<string, Correction> {
  const out: Record<string, Correction> = {};
  for (const [k, c] of Object.entries(corrections)) {
    const r = rows[Number(k)];
    const was: Correction = { title: r?.title ?? "", date: r?.date ?? "", source: r?.source?.name ?? "", publisher: r?.publisher?.name ?? "" };
    const diff = Object.fromEntries(Object.entries(c).filter(([f, v]) => v.trim() && v.trim() !== was[f as keyof Correction]));
    if (Object.keys(diff).length) out[k] = diff;
  }
  return out;
}

export function ImportPanel({ secretRequired, maxFiles }: { secretRequired: boolean; maxFiles: number }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [checked, setChecked] = useState<ImportAnswer | null>(null);
  // The first check's rows: what the files say by themselves, against which corrections are told
  // apart (a second check shows the corrected values, and the server keeps no state between requests).
  const [detected, setDetected] = useState<ImportRow[] | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [corrections, setCorrections] = useState<Record<string, Correction>>({});
  const [mode, setMode] = useState<NearMode>("report");
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- storage exists only after mount
  useEffect(() => setSecret(sessionStorage.getItem("ptt-secret") ?? ""), []);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await postImport<ImportAnswer>({ files, dryRun, corrections: detected ? changed(detected, corrections) : {}, nearDuplicates: mode }, secret);
      if (!dryRun) setResult(answer);
      else {
        setChecked(answer);
        if (!detected) setDetected(answer.rows);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (list: FileList | null) => {
    setChecked(null);
    setDetected(null);
    setResult(null);
    setCorrections({});
    setError(null);
    const chosen = [...(list ?? [])];
    if (chosen.length > maxFiles) return setError(`At most ${maxFiles} files at once; for more, use npm run import.`);
    setFiles(await Promise.all(chosen.map(async (f) => ({ name: f.name, content: await fileToBase64(f) }))));
  };

  if (result) return <ImportResults answer={result} />;
  const importable = checked?.rows.filter((r) => r.status === "checked").length ?? 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm">
          Files (.txt, .html, .csv, .jsonl)
          <input type="file" multiple accept={ACCEPT} onChange={(e) => void choose(e.target.files)} className="text-sm" />
        </label>
        {secretRequired && (
          <label className="flex flex-col gap-1 text-sm">
            Tagging secret
            <input
              type="password"
              value={secret}
              onChange={(e) => {
                setSecret(e.target.value);
                sessionStorage.setItem("ptt-secret", e.target.value);
              }}
              className="rounded border border-border bg-background px-2 py-1"
            />
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm">
          A text almost the same as a stored one
          <select value={mode} onChange={(e) => setMode(e.target.value as NearMode)} className="rounded border border-border bg-background px-2 py-1">
            <option value="report">is not imported</option>
            <option value="keep-both">is stored beside it</option>
            <option value="replace">replaces its text (uncoded articles only)</option>
          </select>
        </label>
        <button type="button" disabled={!files.length || busy} onClick={() => void run(true)} className="rounded border border-border px-3 py-1.5 disabled:opacity-50">
          {checked ? "Check again" : "Check files"}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {checked && (
        <section aria-labelledby="dry-run" className="space-y-3">
          <h2 id="dry-run" className="text-lg font-semibold">
            What would be imported
          </h2>
          <p className="text-sm" role="status">
            {checked.summary} Correct a field below, then import; nothing has been written yet.
          </p>
          <div className="overflow-x-auto">
            <DryRunTable rows={checked.rows} corrections={corrections} onCorrect={(i, c) => setCorrections((all) => ({ ...all, [i]: c }))} />
          </div>
          <button type="button" disabled={busy || (importable === 0 && mode === "report")} onClick={() => void run(false)} className="rounded bg-accent px-3 py-1.5 text-background disabled:opacity-50">
            Import
          </button>
        </section>
      )}
    </div>
  );
}
