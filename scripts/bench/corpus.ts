// The benchmark's synthetic corpus, in the project's own schema: the committed migrations are
// run on a new SQLite file, then rows are inserted with raw better-sqlite3 prepared statements in
// large transactions. Whatever the migrations' triggers maintain (full-text search, and once the
// rollups migration is in, ThemeFact/ThemeRollup) is maintained by those inserts as the app would
// have it. Deterministic: the same size gives the same file.
//
// Shape, per article: ~20 sources of very different sizes (Zipf), 6 publisher sites (some articles
// have none; a source's texts mostly come from one site), 1-3 organizations mentioned; dates 2013-2024, mostly to the day, some to the month or
// year, some unknown, 2% of the known ones inferred; coding status mostly coded, some reviewed,
// uncoded or in progress; four themes, one ArticleTheme row per theme and coding (zeros included),
// about one passage per article with its quote; a second coder ("coder-b") on 3% of the coded
// articles. The body is abbreviated (a few sentences holding the passages at their offsets) to
// keep the file small; wordCount is the length of the article it stands for (300-3,000 words).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { rebuildRollups } from "../../lib/db/rollup";
import { countWords } from "../../lib/measure/words";
import { seeded, zipf } from "./random";

export const THEMES = ["innovation", "supply-chain-security", "party-building", "reform"] as const;
export const SECOND_CODER = "coder-b";
const SOURCES = 20;
const PUBLISHERS = 6;

export type Corpus = {
  file: string;
  articles: number;
  articleThemes: number;
  passages: number;
  secondCoderArticles: number;
  themes: { slug: string; id: number }[];
  /** a mid-sized source (for org=...) and an organization mentioned in a few % of articles */
  source: { slug: string; id: number };
  mentioned: { slug: string; id: number };
  /** how ThemeFact/ThemeRollup were filled: by the triggers on every insert, or rebuilt after; "absent" before the rollups migration */
  rollups: "triggers" | "rebuilt" | "absent";
  /** the per-mentioned-organization sums (MentionRollup) are in the schema */
  mentionRollup: boolean;
  /** rows of the derived tables (0 where absent): the rollups' size against the facts' */
  rows: { themeFact: number; themeRollup: number; mentionRollup: number };
  /** the tables of its schema (the floors read the smallest rollup the schema has) */
  tables: string[];
  /** and its indexes */
  indexes: string[];
  /** Annotation has a stored `words` column (migration 20261201140000_passage_words) */
  passageWords: boolean;
  seconds: number;
  bytes: number;
};

const THEME_SENTENCES: Record<(typeof THEMES)[number], string[]> = {
  innovation: [
    "The group will raise research and development spending to 3% of revenue and build two national laboratories for new materials.",
    "Breakthroughs in key core technologies, from industrial software to high-end chips, were named the first task of the year.",
    "Scientific and technological self-reliance is the strategic support of high-quality development, the meeting said.",
    "A venture fund of 5 billion yuan will back start-ups that turn the institute's patents into products.",
    'The "digital intelligence" programme links 40 plants to one industrial internet platform, cutting design cycles by a third.',
  ],
  "supply-chain-security": [
    "Enterprises must keep industrial and supply chains stable and secure, and ensure energy and resource security.",
    "Strategic reserves of copper, cobalt and lithium will be expanded so that no single supplier can halt production.",
    "The company mapped every tier of its suppliers and found 17 components with only one source, all to be doubled by 2025.",
    "Overseas mines, ports and logistics hubs are to be coordinated so that key minerals reach domestic smelters on time.",
    "Risk monitoring of the chains, with early warning for shortages, is now part of every subsidiary's assessment.",
  ],
  "party-building": [
    "Party building must be integrated with production and operation, and the Party committee's leading role brought into play.",
    "Theme education was carried out in every branch, with Party members studying the important speeches in depth.",
    "The Party group held a special democratic life meeting and made rectification lists for the problems found.",
    "Discipline inspection will be strengthened, and the spirit of the eight-point frugality rules kept up without let-up.",
    "Grass-roots Party organisations were told to be fighting bastions, and members to be vanguards, in every project.",
  ],
  reform: [
    "The three-year action plan for SOE reform deepens the modern enterprise system and the market-based operating mechanism.",
    "Mixed-ownership reform brought strategic investors into four subsidiaries, and the board now holds the power to hire managers.",
    "Tenure-based, contract management of executives now covers every level, with pay tied to performance.",
    "Non-core businesses are being divested so that capital flows to the main business, the statement said.",
    "Reform of the state-owned capital investment company separates the shareholder's role from daily management.",
  ],
};
const FILLER = [
  "The meeting was held in Beijing and attended by leaders of the group and its subsidiaries.",
  "Officials from the relevant departments took part, and the meeting was broadcast to every branch by video.",
  "The report reviewed the work of the past year and set out the tasks for the next.",
  "Participants said they would study the spirit of the meeting carefully, and put it into practice.",
  "Other items on the agenda included safety in production, and the year's financial results.",
  "The event closed with the signing of cooperation agreements, worth 12 billion yuan in all.",
];

type Sentence = { text: string; words: number };
const pool = (texts: string[]): Sentence[] => texts.map((text) => ({ text, words: countWords(text) }));

export type BuildOptions = {
  file: string;
  articles: number;
  seed?: number;
  log?: (line: string) => void;
  batch?: number;
  /** "rebuild" (default): insert, then recompute the rollups set-based; "triggers": let the triggers maintain them row by row */
  rollups?: "rebuild" | "triggers";
};


/** Build the corpus at `file` (which must not exist). */
export async function buildCorpus(opts: BuildOptions): Promise<Corpus> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  if (fs.existsSync(opts.file)) throw new Error(`${opts.file} exists already`);
  const db = new Database(opts.file);
  // Built once, thrown away if the run dies: no journal while building.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const migrations = path.join(import.meta.dirname, "../../prisma/migrations");
  for (const m of fs.readdirSync(migrations).filter((d) => /^\d+_/.test(d)).sort()) {
    db.exec(fs.readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  const has = (table: string) => Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table));
  const passageWords = (db.prepare(`PRAGMA table_info("Annotation")`).all() as { name: string }[]).some((c) => c.name === "words");
  const hasRollups = has("ThemeRollup") && has("ThemeFact");
  const mode = opts.rollups ?? "rebuild";
  // Maintaining the derived tables row by row slows the inserts down as they grow: full-text
  // indexing costs about 1 ms per article at 100,000, the rollup triggers multiply the insert
  // time by 8. Unless asked for the triggers, those triggers are set aside while inserting and
  // put back verbatim after; the full-text indexes are then rebuilt from the stored bodies, and
  // the rollups by lib/db/rollup.ts (rebuildRollups: the same rows, set-based).
  const fts = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`).all() as { name: string }[]).map((r) => r.name);
  const derived = [...fts.map((f) => `"${f}"`), ...(mode === "rebuild" ? ['"ThemeFact"', '"ThemeRollup"', '"MentionRollup"', '"MentionMonthRollup"'] : [])];
  const setAside = (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[]).filter(
    (t) => derived.some((d) => t.sql.includes(d)),
  );
  for (const t of setAside) db.exec(`DROP TRIGGER "${t.name}"`);

  const rand = seeded(opts.seed ?? 20261201);
  const themeText = Object.fromEntries(THEMES.map((t) => [t, pool(THEME_SENTENCES[t])])) as Record<(typeof THEMES)[number], Sentence[]>;
  const filler = pool(FILLER);

  db.prepare(`INSERT INTO "Codebook" (id, version) VALUES (1, 'bench-1')`).run();
  const themeStmt = db.prepare(`INSERT INTO "Theme" (slug, name, definition, cues, boundaries, colour, "order") VALUES (?, ?, ?, '[]', '[]', ?, ?)`);
  const colours = ["#1f77b4", "#d62728", "#9467bd", "#2ca02c"];
  const themes = THEMES.map((slug, i) => ({ slug, id: Number(themeStmt.run(slug, slug.replace(/-/g, " "), `Synthetic theme ${slug}`, colours[i], i + 1).lastInsertRowid) }));
  const orgStmt = db.prepare(`INSERT INTO "Organization" (slug, name, kind, aliases) VALUES (?, ?, ?, '[]')`);
  const kinds = ["enterprise", "regulator", "party_body", "government"];
  const sources = Array.from({ length: SOURCES }, (_, i) => ({
    slug: `source-${String(i + 1).padStart(2, "0")}`,
    id: Number(orgStmt.run(`source-${String(i + 1).padStart(2, "0")}`, `Source ${i + 1}`, kinds[i % kinds.length]).lastInsertRowid),
  }));
  const publishers = Array.from({ length: PUBLISHERS }, (_, i) => Number(orgStmt.run(`site-${i + 1}`, `News site ${i + 1}`, "publisher_site").lastInsertRowid));
  const mentionable = [...sources.map((s) => s.id), ...publishers];
  const sourceWeights = zipf(SOURCES);
  const mentionWeights = zipf(mentionable.length, 1);

  const article = db.prepare(
    `INSERT INTO "Article" (id, slug, title, body, "wordCount", "contentHash", "dateStart", "dateEnd", "datePrecision", "dateNote", "dateBasis", "codingStatus", "sourceId", "publisherId", url)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const mention = db.prepare(`INSERT OR IGNORE INTO "ArticleMention" ("articleId", "organizationId") VALUES (?, ?)`);
  const coding = db.prepare(`INSERT INTO "ArticleCoding" ("articleId", coder, status, "updatedAt") VALUES (?, ?, ?, '2026-12-01T00:00:00.000Z')`);
  const stat = db.prepare(`INSERT INTO "ArticleTheme" ("articleId", "themeId", coder, "taggedWords", passages) VALUES (?, ?, ?, ?, ?)`);
  const passage = passageWords
    ? db.prepare(`INSERT INTO "Annotation" ("articleId", "themeId", start, "end", quote, coder, annotator, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    : db.prepare(`INSERT INTO "Annotation" ("articleId", "themeId", start, "end", quote, coder, annotator) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  let articleThemes = 0;
  let passages = 0;
  let second = 0;
  const batch = opts.batch ?? 20_000;

  type Tagged = { theme: number; start: number; end: number; quote: string; words: number };
  const writeCoding = (id: number, coder: string, annotator: string, tagged: Tagged[]) => {
    for (let t = 0; t < themes.length; t++) {
      const mine = tagged.filter((p) => p.theme === t);
      stat.run(id, themes[t].id, coder, mine.reduce((a, p) => a + p.words, 0), mine.length);
      articleThemes++;
      for (const p of mine) {
        if (passageWords) passage.run(id, themes[t].id, p.start, p.end, p.quote, coder, annotator, p.words);
        else passage.run(id, themes[t].id, p.start, p.end, p.quote, coder, annotator);
        passages++;
      }
    }
  };

  const insertRange = db.transaction((from: number, to: number) => {
    for (let id = from; id <= to; id++) {
      const y = rand.int(2013, 2024);
      const m = rand.int(1, 12);
      const d = rand.int(1, lastDay(y, m));
      const p = rand();
      const [precision, start, end] =
        p < 0.88
          ? ["day", `${y}-${pad(m)}-${pad(d)}`, `${y}-${pad(m)}-${pad(d)}`]
          : p < 0.92
            ? ["month", `${y}-${pad(m)}-01`, `${y}-${pad(m)}-${pad(lastDay(y, m))}`]
            : p < 0.96
              ? ["year", `${y}-01-01`, `${y}-12-31`]
              : ["unknown", null, null];
      const basis = start === null ? null : rand() < 0.02 ? "inferred" : "stated";
      const c = rand();
      const status = c < 0.8 ? "coded" : c < 0.92 ? "reviewed" : c < 0.97 ? "uncoded" : "in-progress";
      const words = rand.int(300, 3000);

      // The passages: each theme is tagged in about one article in five, once or more.
      const chosen: { theme: number; s: Sentence }[] = [];
      if (status !== "uncoded") {
        for (let t = 0; t < themes.length; t++) {
          if (rand() >= 0.2) continue;
          const k = rand() < 0.75 ? 1 : rand() < 0.7 ? 2 : 3;
          const options = themeText[THEMES[t]];
          const first = rand.int(0, options.length - 1);
          for (let j = 0; j < k; j++) chosen.push({ theme: t, s: options[(first + j) % options.length] });
        }
      }
      const sentences: { theme: number; s: Sentence }[] = [...chosen, { theme: -1, s: rand.pick(filler) }, { theme: -1, s: rand.pick(filler) }];
      for (let i = sentences.length - 1; i > 0; i--) {
        const j = rand.int(0, i);
        [sentences[i], sentences[j]] = [sentences[j], sentences[i]];
      }
      const title = `Article ${id}: ${sentences[0].s.text.split(" ").slice(0, 8).join(" ")}`;
      let body = "";
      const tagged: Tagged[] = [];
      for (const { theme, s } of sentences) {
        if (body) body += " ";
        if (theme >= 0) tagged.push({ theme, start: body.length, end: body.length + s.text.length, quote: s.text, words: s.words });
        body += s.text;
      }
      // A source's texts come mostly from its own site (as on the real sites: SASAC's from SASAC's).
      const si = rand.weighted(sourceWeights);
      const sourceId = sources[si].id;
      const pu = rand();
      const publisherId = pu < 0.85 ? publishers[si % PUBLISHERS] : pu < 0.9 ? rand.pick(publishers) : null;
      article.run(
        id, `a-${id}`, title, body, words, `bench-${id}`, start, end, precision,
        basis === "inferred" ? "Inferred by an editor from the surrounding reports" : start ? "Dateline" : "No date in the text",
        basis, status, sourceId, publisherId, `https://news.example.org/${id}.html`,
      );
      const nMentions = rand.int(1, 3);
      for (let k = 0; k < nMentions; k++) mention.run(id, mentionable[rand.weighted(mentionWeights)]);

      // A second, blind coder on 3% of the coded articles: mostly the same passages, sometimes one fewer.
      const counted = status === "coded" || status === "reviewed";
      if (counted && rand() < 0.03) {
        const c2 = rand();
        coding.run(id, SECOND_CODER, c2 < 0.85 ? "coded" : c2 < 0.9 ? "reviewed" : "in-progress");
        const theirs = tagged.length > 1 && rand() < 0.3 ? tagged.slice(0, -1) : tagged;
        writeCoding(id, SECOND_CODER, SECOND_CODER, theirs);
        second++;
      }
      writeCoding(id, "consensus", "seed-editor", tagged);
    }
  });
  for (let from = 1; from <= opts.articles; from += batch) {
    const to = Math.min(opts.articles, from + batch - 1);
    insertRange(from, to);
    if (process.env.BENCH_VERBOSE || to % 100_000 === 0 || to === opts.articles) log(`  ${to.toLocaleString("en")} articles (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  for (const t of setAside) db.exec(t.sql);
  for (const f of fts) db.exec(`INSERT INTO "${f}"("${f}") VALUES ('rebuild')`);
  if (fts.length) log(`  full-text indexes rebuilt (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  if (hasRollups && mode === "rebuild") {
    await rebuildRollups({ run: async (sql) => db.exec(sql), all: async (sql) => db.prepare(sql).all() as Record<string, unknown>[] });
    log(`  rollups rebuilt (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  db.pragma("journal_mode = WAL");
  const described = describe(db, opts.file, opts.articles);
  db.close();
  return {
    ...described,
    articleThemes,
    passages,
    secondCoderArticles: second,
    themes,
    source: sources[4],
    rollups: hasRollups ? (mode === "rebuild" ? "rebuilt" : "triggers") : "absent",
    seconds: (performance.now() - t0) / 1000,
  };
}

/** What the benchmark needs to know of a corpus: the mentioned organization, the derived tables' sizes. */
function describe(db: Database.Database, file: string, articles: number) {
  const has = (table: string) => Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table));
  // The mentioned organization of the benchmark: one named in a few % of the articles.
  const counts = db.prepare(`SELECT "organizationId" AS id, COUNT(*) AS n FROM "ArticleMention" GROUP BY "organizationId" ORDER BY n`).all() as { id: number; n: number }[];
  const target = articles * 0.05;
  const m = counts.reduce((best, c) => (Math.abs(c.n - target) < Math.abs(best.n - target) ? c : best), counts[0]);
  const mentioned = db.prepare(`SELECT slug, id FROM "Organization" WHERE id = ?`).get(m.id) as { slug: string; id: number };
  const rowsOf = (t: string) => (has(t) ? (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n : 0);
  const rows = { themeFact: rowsOf("ThemeFact"), themeRollup: rowsOf("ThemeRollup"), mentionRollup: rowsOf("MentionRollup") };
  return {
    file,
    articles,
    mentioned,
    mentionRollup: has("MentionRollup"),
    tables: (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name),
    indexes: (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`).all() as { name: string }[]).map((t) => t.name),
    rows,
    passageWords: (db.prepare(`PRAGMA table_info("Annotation")`).all() as { name: string }[]).some((c) => c.name === "words"),
    bytes: fs.statSync(file).size,
  };
}

/**
 * A corpus built before (by buildCorpus, kept with --db), described from the file itself, so that
 * it can be measured again without rebuilding it. Its derived tables are taken as they are:
 * `npm run db:check` verifies them.
 */
export function describeCorpus(file: string): Corpus {
  const t0 = performance.now();
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const bench = db.prepare(`SELECT version FROM "Codebook" WHERE id = 1`).get() as { version: string } | undefined;
    if (bench?.version !== "bench-1") throw new Error(`${file} is not a benchmark corpus (its codebook is not bench-1)`);
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const articles = one(`SELECT COUNT(*) AS n FROM "Article"`);
    const themes = db.prepare(`SELECT slug, id FROM "Theme" ORDER BY "order"`).all() as { slug: string; id: number }[];
    const source = db.prepare(`SELECT slug, id FROM "Organization" WHERE slug = 'source-05'`).get() as { slug: string; id: number };
    const rollups = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ThemeRollup'`).get() ? "rebuilt" : "absent";
    return {
      ...describe(db, file, articles),
      articleThemes: one(`SELECT COUNT(*) AS n FROM "ArticleTheme"`),
      passages: one(`SELECT COUNT(*) AS n FROM "Annotation"`),
      secondCoderArticles: one(`SELECT COUNT(*) AS n FROM "ArticleCoding" WHERE coder = '${SECOND_CODER}'`),
      themes,
      source,
      rollups,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    db.close();
  }
}
