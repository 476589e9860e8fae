import { filteredRoute, jsonResponse } from "@/lib/http/routes";
import { getTimeline } from "@/lib/queries/analytics";

export const GET = filteredRoute(async (filters, { catalog }) =>
  jsonResponse({ filters, codebookVersion: catalog.codebookVersion, ...(await getTimeline(filters)) }),
);
