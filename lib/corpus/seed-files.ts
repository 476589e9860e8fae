// The shapes of the seed files, which people read and review in diffs. Parsing with zod
// gives the validation messages; the loader adds the checks that need more than one file.
import { z } from "zod";
import { DATE_BASES, DATE_PRECISIONS } from "../measure/dates";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");

export const ORGANIZATION_KINDS = ["regulator", "enterprise", "party_body", "government", "publisher_site", "other"] as const;

export const organizationsFile = z.strictObject({
  organizations: z.array(
    z.strictObject({
      slug,
      name: z.string().min(1),
      kind: z.enum(ORGANIZATION_KINDS),
      aliases: z.array(z.string().min(1)).default([]),
    }),
  ),
});

export const codebookFile = z.strictObject({
  version: z.string().min(1),
  unit: z.string().min(1),
  themes: z
    .array(
      z.strictObject({
        slug,
        name: z.string().min(1),
        colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, "must be a #RRGGBB colour"),
        definition: z.string().min(1),
        cues: z.array(z.string().min(1)).min(1),
        boundaries: z.array(z.string().min(1)),
      }),
    )
    .min(1),
});

export const articlesFile = z.strictObject({
  articles: z.array(
    z.strictObject({
      file: z.string().regex(/^[A-Za-z0-9_.-]+\.txt$/, "must be a .txt file name in seeds/articles/"),
      title: z.string().min(1).optional(),
      titleNote: z.string().min(1).optional(),
      date: z.string().nullable(),
      datePrecision: z.enum(DATE_PRECISIONS),
      dateNote: z.string().min(1, "say how the date was established"),
      /** stated by the text, or inferred by an editor; required with a known date */
      dateBasis: z.enum(DATE_BASES).optional(),
      source: slug,
      publisher: slug.nullable(),
      publisherNote: z.string().min(1).optional(),
      url: z.url().nullable().default(null),
      mentions: z.array(slug).default([]),
    }),
  ),
});

export type OrganizationsFile = z.infer<typeof organizationsFile>;
export type CodebookFile = z.infer<typeof codebookFile>;
export type ArticlesFile = z.infer<typeof articlesFile>;

const decisionPassages = z.array(z.strictObject({ quote: z.string().min(1), occurrence: z.number().int().min(1).optional() }));

/** consensus/decisions.json: the adjudication decisions that built the consensus files. */
export const decisionsFile = z.strictObject({
  adjudicator: z.string().min(1),
  decidedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD"),
  a: z.strictObject({ annotator: z.string().min(1), dir: z.string().min(1) }),
  b: z.strictObject({ annotator: z.string().min(1), dir: z.string().min(1) }),
  codebookVersion: z.string().min(1),
  decisions: z.array(
    z.strictObject({
      article: slug,
      theme: slug,
      decision: z.enum(["a", "b", "both", "neither", "edit"]),
      a: decisionPassages,
      b: decisionPassages,
      result: decisionPassages,
      reason: z.string().min(1).optional(),
    }),
  ),
});
