import { z } from "zod";
import { handleWrite } from "@/lib/http/routes";
import { passageEditSchema } from "@/lib/coding/schemas";
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

export async function DELETE(request: Request, { params }: Ctx) {
  const id = await passageId(params);
  return handleWrite(request, z.object({}), () => deletePassage(id));
}
