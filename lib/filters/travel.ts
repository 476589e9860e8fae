// Which parameters of a URL are the shared filters, to carry to another page.
import { filtersSchema } from "./schema";

const FILTER_KEYS = new Set(Object.keys(filtersSchema.in.shape));

/** The filter parameters of `params` only, in their order, as a query string ("" when none). */
export function filterQuery(params: URLSearchParams | null): string {
  const out = new URLSearchParams();
  params?.forEach((v, k) => {
    if (FILTER_KEYS.has(k) && v.trim() !== "") out.append(k, v);
  });
  return out.toString();
}
