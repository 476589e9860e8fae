// Which parameters of a URL are the shared filters, to carry to another page.
// The navigation imports this in every page, so it reads the names from url.ts, not the zod schema.
import { FILTER_PARAMS } from "./url";

const FILTER_KEYS: ReadonlySet<string> = new Set(FILTER_PARAMS);

/** The filter parameters of `params` only, in their order, as a query string ("" when none). */
export function filterQuery(params: URLSearchParams | null): string {
  const out = new URLSearchParams();
  params?.forEach((v, k) => {
    if (FILTER_KEYS.has(k) && v.trim() !== "") out.append(k, v);
  });
  return out.toString();
}
