// The analytics fixture: the two mini-seed articles plus two more, so that hand-computed
// timelines have several buckets, an empty bucket, and dates of every precision.
//
//   slug       date        precision  basis     status       source     publisher  mentions   words  innovation  reform
//   alpha-001  2024-01-15  day        stated    coded        firm       firm       regulator  8      4w / 2p     4w / 1p
//   beta-002   -           unknown    -         coded        regulator  -          -          5      2w / 1p     3w / 2p
//   gamma-003  2024-03     month      stated    coded        firm       regulator  -          6      3w / 1p     1w / 1p
//   delta-004  2023        year       inferred  coded        regulator  -          -          4      0           0
//   eps-005    2024-02-10  day        stated    in-progress  firm       firm       -          3      3w / 1p     0
//
// eps-005 is not coded yet: it counts in no theme figure (so February 2024 has no value), only
// in the "not yet coded" counts, the article list and `coding=all`.
import fs from "node:fs";
import path from "node:path";
import { copySeedDir } from "./db";

export const MINI_SEED = path.join(import.meta.dirname, "../fixtures/seed-mini");

export function analyticsSeedDir(): string {
  const dir = copySeedDir(MINI_SEED);
  fs.writeFileSync(path.join(dir, "articles/gamma_003.txt"), "Chips need reform. Chips need care.\n");
  fs.writeFileSync(path.join(dir, "articles/delta_004.txt"), "Nothing to tag here.\n");
  fs.writeFileSync(path.join(dir, "articles/eps_005.txt"), "Chips chips chips.\n");
  const articlesFile = path.join(dir, "articles.json");
  const meta = JSON.parse(fs.readFileSync(articlesFile, "utf8")) as { articles: object[] };
  meta.articles.push(
    { file: "gamma_003.txt", title: "Gamma", date: "2024-03", datePrecision: "month", dateNote: "Month only.", dateBasis: "stated", source: "firm", publisher: "regulator" },
    { file: "delta_004.txt", title: "Delta", date: "2023", datePrecision: "year", dateNote: "Year worked out by an editor.", dateBasis: "inferred", source: "regulator", publisher: null },
    { file: "eps_005.txt", title: "Eps", date: "2024-02-10", datePrecision: "day", dateNote: "Publication line.", dateBasis: "stated", source: "firm", publisher: "firm" },
  );
  fs.writeFileSync(articlesFile, JSON.stringify(meta, null, 2));
  fs.writeFileSync(
    path.join(dir, "annotations/gamma-003.json"),
    JSON.stringify({
      article: "gamma-003",
      coder: "tester",
      status: "coded",
      annotations: [
        { themes: ["innovation"], quote: "Chips need reform.", annotator: "tester" },
        { themes: ["reform"], quote: "reform", annotator: "tester" },
      ],
    }),
  );
  fs.writeFileSync(path.join(dir, "annotations/delta-004.json"), JSON.stringify({ article: "delta-004", coder: "tester", status: "coded", annotations: [] }));
  fs.writeFileSync(
    path.join(dir, "annotations/eps-005.json"),
    JSON.stringify({ article: "eps-005", coder: "tester", status: "in-progress", annotations: [{ themes: ["innovation"], quote: "Chips chips chips.", annotator: "tester" }] }),
  );
  return dir;
}

/**
 * A synthetic corpus for checking intervals against an independent computation: 18 coded
 * articles over five quarters and two sources, with varied lengths and tagged shares, and two
 * articles not yet coded (which must change nothing).
 */
export function intervalSeedDir(): string {
  const dir = copySeedDir(MINI_SEED);
  for (const f of fs.readdirSync(path.join(dir, "articles"))) fs.rmSync(path.join(dir, "articles", f));
  for (const f of fs.readdirSync(path.join(dir, "annotations"))) fs.rmSync(path.join(dir, "annotations", f));
  const articles: object[] = [];
  const months = ["2024-01-10", "2024-02-14", "2024-03-03", "2024-04-21", "2024-05-30", "2024-07-07", "2024-08-19", "2024-11-02", "2025-02-11"];
  for (let i = 0; i < 20; i++) {
    const slug = `s-${String(i).padStart(2, "0")}`;
    const n = 20 + ((i * 13) % 37);
    const words = Array.from({ length: n }, (_, j) => `a${i}w${j}`);
    fs.writeFileSync(path.join(dir, `articles/${slug.replace("-", "_")}.txt`), `${words.join(" ")}.\n`);
    articles.push({
      file: `${slug.replace("-", "_")}.txt`,
      title: `Synthetic ${i}`,
      date: months[i % months.length],
      datePrecision: "day",
      dateNote: "Synthetic.",
      dateBasis: i % 7 === 3 ? "inferred" : "stated",
      source: i % 3 === 0 ? "regulator" : "firm",
      publisher: null,
    });
    const k = (i * 7) % n; // innovation: the first k words
    const m = i % 4 === 0 ? 0 : 1 + ((i * 5) % 9); // reform: the last m words
    const annotations = [
      ...(k > 0 ? [{ themes: ["innovation"], quote: words.slice(0, k).join(" "), annotator: "gen" }] : []),
      ...(m > 0 ? [{ themes: ["reform"], quote: words.slice(n - m).join(" "), annotator: "gen" }] : []),
    ];
    const status = i >= 18 ? "uncoded" : i % 5 === 0 ? "reviewed" : "coded";
    fs.writeFileSync(path.join(dir, `annotations/${slug}.json`), JSON.stringify({ article: slug, coder: "gen", status, annotations }));
  }
  fs.writeFileSync(path.join(dir, "articles.json"), JSON.stringify({ articles }, null, 2));
  return dir;
}
