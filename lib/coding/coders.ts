// Who coded a passage. Until the tracker has a coder model of its own, a coder is the
// annotator name a passage carries; everything that needs a coder (the REFI-QDA Users) asks
// here, so moving to real coder records changes this file and nothing else.
import { stableGuid } from "../corpus/qdpx/guid";

export type Coder = { guid: string; name: string };

/** The coder behind an annotator name: one REFI-QDA User per distinct name. */
export function coderForAnnotator(annotator: string): Coder {
  return { guid: stableGuid("user", annotator), name: annotator };
}

/** Fallback annotator for a passage of another tool that names no user. */
export const UNNAMED_CODER = "unnamed coder (REFI-QDA import)";

/** The annotator name to store for a REFI-QDA User (by its name, else its id, else the fallback). */
export function annotatorForUser(user: { name?: string; id?: string } | undefined): string {
  return user?.name?.trim() || user?.id?.trim() || UNNAMED_CODER;
}
