import { z } from "zod";
import { passageEditSchema } from "@/lib/coding/schemas";
import { CODER_NAME, CODER_NAME_HINT } from "@/lib/coding/status";
import { handleWrite } from "@/lib/http/routes";
import { deletePassage, editPassage } from "@/lib/writes/tagging";

type Ctx = { params: Promise<{ id: string }> };

const passageId = async (params: Ctx["params"]) => {
  const n = Number((await params).id);
  return Number.isSafeInteger(n) && n > 0 ? n : -1;
};

/** Change a passage's theme or note: { theme?, note?, annotator }. */
export async function PATCH(request: Request, { params }: Ctx) {
  const id = await passageId(params);
  return handleWrite(request, passageEditSchema, (e) => editPassage(id, e));
}

/** Remove a passage: `?annotator=NAME` says who, for the history (and so for undo). */
export async function DELETE(request: Request, { params }: Ctx) {
  const id = await passageId(params);
  const who = new URL(request.url).searchParams.get("annotator") ?? "";
  return handleWrite(request, z.object({}), async () =>
    CODER_NAME.test(who)
      ? deletePassage(id, who)
      : { ok: false as const, status: 400 as const, issues: [{ field: "annotator", message: `say who removes the passage (?annotator=NAME; ${CODER_NAME_HINT})` }] },
  );
}
