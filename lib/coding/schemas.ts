// Payloads of the write endpoints (tagging and metadata edits), shared by the forms that
// send them and the handlers that check them.
import { z } from "zod";
import { DATE_BASES, DATE_PRECISIONS } from "../measure/dates";
import { CODER_NAME, CODER_NAME_HINT, CODING_STATUSES, CONSENSUS } from "./status";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug");
// The annotator is also the coder whose coding a write changes, unless `coder` says otherwise.
const annotator = z.string().trim().min(1, "say who is tagging").regex(CODER_NAME, `your name: ${CODER_NAME_HINT}`);
/** Whose coding to change: a coder's name or "consensus" (adjudication); defaults to the annotator. */
export const coderField = z.string().trim().regex(CODER_NAME, CODER_NAME_HINT).optional();
const note = z.string().trim().max(1000, "at most 1000 characters").optional();

export const newPassageSchema = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  themes: z.array(slug).min(1, "choose at least one theme").max(20),
  annotator,
  coder: coderField,
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

export const codingStatusSchema = z.strictObject({ status: z.enum(CODING_STATUSES), annotator, coder: coderField });

export const undoSchema = z.strictObject({ annotator });

export const ADJUDICATION_DECISIONS = ["a", "b", "both", "neither", "edit"] as const;

/** One adjudication: for one theme and one stretch of text, which coder's passages go into the consensus. */
export const adjudicationSchema = z
  .strictObject({
    theme: slug,
    coderA: z.string().regex(CODER_NAME),
    coderB: z.string().regex(CODER_NAME),
    /** the stretch of text the decision is about (the disagreement's extent) */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    decision: z.enum(ADJUDICATION_DECISIONS),
    /** for "edit": the passage the adjudicator wants instead */
    edit: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) }).optional(),
    reason: z.string().trim().max(1000).optional(),
    annotator,
  })
  .refine((a) => a.start < a.end, { path: ["end"], message: "must be after start" })
  .refine((a) => a.decision !== "edit" || a.edit, { path: ["edit"], message: "an edit needs the passage's start and end" })
  .refine((a) => a.coderA !== a.coderB && a.coderA !== CONSENSUS && a.coderB !== CONSENSUS, { path: ["coderB"], message: "two different coders" });

export type NewPassage = z.infer<typeof newPassageSchema>;
export type PassageEdit = z.infer<typeof passageEditSchema>;
export type MetadataEdit = z.infer<typeof metadataSchema>;
export type CodingStatusEdit = z.infer<typeof codingStatusSchema>;
export type AdjudicationInput = z.infer<typeof adjudicationSchema>;
