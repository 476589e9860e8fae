import { filteredRoute, jsonResponse } from "@/lib/http/routes";
import { getBySource } from "@/lib/queries/analytics";

export const GET = filteredRoute(async (filters, { catalog }) =>
  jsonResponse({ filters, codebookVersion: catalog.codebookVersion, ...(await getBySource(filters)) }),
);
