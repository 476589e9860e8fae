import type { Metadata } from "next";
import { ImportPanel } from "@/components/import/import-panel";
import { taggingMode } from "@/lib/coding/authority";
import { MAX_UPLOAD_FILES } from "@/lib/http/import-upload";
import { MAX_FILE_BYTES } from "@/lib/corpus/limits";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

export default function ImportPage() {
  const tagging = taggingMode();
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Import articles</h1>
        <p className="max-w-3xl text-sm text-muted">
          Plain-text articles, saved web pages and CSV or JSON Lines files (columns title, date, source, publisher, url, body), cleaned and
          read as <code>npm run import</code> reads them. Check first: nothing is written until you import. Up to {MAX_UPLOAD_FILES} files of at
          most {(MAX_FILE_BYTES / 1024 / 1024).toFixed(0)} MiB each.
        </p>
      </div>
      {tagging.enabled ? (
        <ImportPanel secretRequired={tagging.secretRequired} maxFiles={MAX_UPLOAD_FILES} />
      ) : (
        <p className="text-sm" role="status">
          Importing is a write: it is off on this instance, as tagging is. Start the app with <code>TAGGING_ENABLED=1</code>, or use{" "}
          <code>npm run import</code>.
        </p>
      )}
    </div>
  );
}
