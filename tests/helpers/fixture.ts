// The analytics fixture: the two mini-seed articles plus two more, so that hand-computed
// timelines have several buckets, an empty bucket, and dates of every precision.
//
//   slug       date        precision  source     publisher  mentions   words  innovation  reform
//   alpha-001  2024-01-15  day        firm       firm       regulator  8      4w / 2p     4w / 1p
//   beta-002   -           unknown    regulator  -          -          5      2w / 1p     3w / 2p
//   gamma-003  2024-03     month      firm       regulator  -          6      3w / 1p     1w / 1p
//   delta-004  2023        year       regulator  -          -          4      0           0
import fs from "node:fs";
import path from "node:path";
import { copySeedDir } from "./db";

export const MINI_SEED = path.join(import.meta.dirname, "../fixtures/seed-mini");

export function analyticsSeedDir(): string {
  const dir = copySeedDir(MINI_SEED);
  fs.writeFileSync(path.join(dir, "articles/gamma_003.txt"), "Chips need reform. Chips need care.\n");
  fs.writeFileSync(path.join(dir, "articles/delta_004.txt"), "Nothing to tag here.\n");
  const articlesFile = path.join(dir, "articles.json");
  const meta = JSON.parse(fs.readFileSync(articlesFile, "utf8")) as { articles: object[] };
  meta.articles.push(
    { file: "gamma_003.txt", title: "Gamma", date: "2024-03", datePrecision: "month", dateNote: "Month only.", source: "firm", publisher: "regulator" },
    { file: "delta_004.txt", title: "Delta", date: "2023", datePrecision: "year", dateNote: "Year only.", source: "regulator", publisher: null },
  );
  fs.writeFileSync(articlesFile, JSON.stringify(meta, null, 2));
  fs.writeFileSync(
    path.join(dir, "annotations/gamma-003.json"),
    JSON.stringify({
      article: "gamma-003",
      annotations: [
        { themes: ["innovation"], quote: "Chips need reform.", annotator: "tester" },
        { themes: ["reform"], quote: "reform", annotator: "tester" },
      ],
    }),
  );
  return dir;
}
