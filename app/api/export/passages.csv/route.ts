import { PASSAGES_COLUMNS, passageRows } from "@/lib/http/exports";
import { viewSlug } from "@/lib/filters/schema";
import { csvResponse, filteredRoute } from "@/lib/http/routes";
import { getPassages } from "@/lib/queries/analytics";

export const GET = filteredRoute(async (filters, { catalog }) =>
  csvResponse(`passages_${viewSlug(filters, [])}`, PASSAGES_COLUMNS, passageRows((await getPassages(filters)).passages), filters, catalog),
);
