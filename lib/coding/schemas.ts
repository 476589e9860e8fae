// Payloads of the write endpoints (tagging and metadata edits), shared by the forms that
// send them and the handlers that check them.
import { z } from "zod";
import { DATE_BASES, DATE_PRECISIONS } from "../measure/dates";
import { CODING_STATUSES } from "./status";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug");
const annotator = z.string().trim().min(1, "say who is tagging").max(80, "at most 80 characters");
const note = z.string().trim().max(1000, "at most 1000 characters").optional();

export const newPassageSchema = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  themes: z.array(slug).min(1, "choose at least one theme").max(20),
  annotator,
  note,
});

export const passageEditSchema = z
  .strictObject({ theme: slug.optional(), note: z.string().trim().max(1000).nullable().optional(), annotator })
  .refine((p) => p.theme !== undefined || p.note !== undefined, { message: "change the theme or the note" });

export const metadataSchema = z.strictObject({
  title: z.string().trim().min(1, "a title is needed").max(500),
  date: z.string().trim().nullable(),
  datePrecision: z.enum(DATE_PRECISIONS),
  dateNote: z.string().trim().min(1, "say how the date was established").max(2000),
  dateBasis: z.enum(DATE_BASES).nullable(),
  source: slug,
  publisher: slug.nullable(),
  annotator,
});

export const codingStatusSchema = z.strictObject({ status: z.enum(CODING_STATUSES), annotator });

export type NewPassage = z.infer<typeof newPassageSchema>;
export type PassageEdit = z.infer<typeof passageEditSchema>;
export type MetadataEdit = z.infer<typeof metadataSchema>;
export type CodingStatusEdit = z.infer<typeof codingStatusSchema>;
