// The payload of an answer to a suggestion from the codebook (accept or dismiss), shared by the
// reader's panel that sends it and the handler that checks it.
import { z } from "zod";
import { coderField } from "./schemas";
import { CODER_NAME, CODER_NAME_HINT } from "./status";

export const SUGGESTION_DECISIONS = ["accepted", "dismissed"] as const;
export type SuggestionDecisionKind = (typeof SUGGESTION_DECISIONS)[number];

export const suggestionDecisionSchema = z
  .strictObject({
    decision: z.enum(SUGGESTION_DECISIONS),
    theme: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug"),
    /** the suggested sentence, as offered */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    annotator: z.string().trim().min(1, "say who is tagging").regex(CODER_NAME, `your name: ${CODER_NAME_HINT}`),
    coder: coderField,
  })
  .refine((d) => d.start < d.end, { path: ["end"], message: "must be after start" });

export type SuggestionDecisionInput = z.infer<typeof suggestionDecisionSchema>;
