import { toSearchParams, type Filters } from "@/lib/filters/schema";

/**
 * The query box: a plain GET form, so a search works without JavaScript and its result is a
 * URL like every other view. The filters ride along as hidden fields.
 */
export function SearchForm({ q, filters }: { q: string; filters: Filters }) {
  const hidden = [...toSearchParams(filters).entries()];
  return (
    <form action="/search" method="get" role="search" className="flex flex-wrap items-end gap-2">
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
        <span className="font-medium">Search the article texts</span>
        <input
          type="search"
          name="q"
          defaultValue={q}
          maxLength={500}
          placeholder={'e.g. "self-reliance" or innovat* AND "supply chain"'}
          className="rounded border border-border bg-background px-3 py-2"
        />
      </label>
      {hidden.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="rounded border border-border bg-surface px-4 py-2 text-sm font-medium hover:bg-background">
        Search
      </button>
      <p className="w-full text-xs text-muted">
        Words match their English forms (reform, reforms, reforming). &quot;Quoted phrases&quot;, prefix*, AND, OR, NOT and
        parentheses work; Chinese text is matched as written (at least 3 characters).
      </p>
    </form>
  );
}
