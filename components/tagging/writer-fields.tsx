"use client";

/** Name (and secret, where the instance asks for one) for the writes of a form. */
export function WriterFields({
  annotator,
  setAnnotator,
  secret,
  setSecret,
  secretRequired,
}: {
  annotator: string;
  setAnnotator: (v: string) => void;
  secret: string;
  setSecret: (v: string) => void;
  secretRequired: boolean;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      <label className="flex flex-col gap-0.5 text-xs">
        Your name
        <input
          required
          value={annotator}
          onChange={(e) => setAnnotator(e.target.value)}
          className="rounded border border-border bg-background px-2 py-1 text-sm"
          autoComplete="name"
        />
      </label>
      {secretRequired && (
        <label className="flex flex-col gap-0.5 text-xs">
          Tagging secret
          <input
            required
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            className="rounded border border-border bg-background px-2 py-1 text-sm"
          />
        </label>
      )}
    </div>
  );
}
