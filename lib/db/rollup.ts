// The aggregate tables of migration 20261201150000_rollups ("ThemeFact", "ThemeRollup",
// "MentionRollup") are
// kept in step by triggers; this module recomputes them from scratch, to check them
// (`npm run db:check`) and to rebuild them after a bulk load that skipped the triggers. Plain
// SQL strings, so the same statements run through Prisma ($executeRawUnsafe) and through a
// raw better-sqlite3 connection (the benchmark).

const MONTH = `CASE WHEN a."dateStart" IS NULL THEN -1 ELSE CAST(substr(a."dateStart", 1, 4) AS INTEGER) * 12 + CAST(substr(a."dateStart", 6, 2) AS INTEGER) - 1 END`;

/** Every fact row as the triggers would have written it, from the base tables. */
export const FACTS_FROM_BASE_SQL = `SELECT s."articleId" AS "articleId", s."themeId" AS "themeId", s.coder AS coder, ${MONTH} AS month,
    a."dateStart" AS "dateStart", a."dateEnd" AS "dateEnd", a."datePrecision" AS precision, COALESCE(a."dateBasis", '') AS basis,
    CASE WHEN s.coder = 'consensus' THEN a."codingStatus" ELSE COALESCE(k.status, '') END AS status,
    a."sourceId" AS "sourceId", COALESCE(a."publisherId", 0) AS "publisherId", a."wordCount" AS words,
    s."taggedWords" AS tagged, s.passages AS passages
  FROM "ArticleTheme" s JOIN "Article" a ON a.id = s."articleId"
  LEFT JOIN "ArticleCoding" k ON k."articleId" = s."articleId" AND k.coder = s.coder`;

const KEY = `coder, "themeId", month, precision, basis, status, "sourceId", "publisherId"`;
const FACT_COLUMNS = `"articleId", "themeId", coder, month, "dateStart", "dateEnd", precision, basis, status, "sourceId", "publisherId", words, tagged, passages`;

const SUMS = `COUNT(*) AS articles, SUM(words) AS words, SUM(tagged) AS tagged,
    SUM(passages) AS passages, SUM(passages > 0) AS "withTheme", SUM(tagged * tagged) AS tt, SUM(tagged * words) AS tw, SUM(words * words) AS ww`;
const SUM_COLUMNS = `articles, words, tagged, passages, "withTheme", tt, tw, ww`;

/** The rollup as a GROUP BY over a fact relation. */
const rollupOf = (facts: string) => `SELECT ${KEY}, ${SUMS} FROM (${facts}) GROUP BY ${KEY}`;
/** The same per organization mentioned. */
const mentionRollupOf = (facts: string) =>
  `SELECT m."organizationId" AS "organizationId", ${KEY}, ${SUMS}
  FROM (${facts}) JOIN "ArticleMention" m USING ("articleId") GROUP BY m."organizationId", ${KEY}`;

/** What the rebuild and the check need of a connection: Prisma's raw calls or better-sqlite3's, wrapped. */
export type SqlRunner = { run: (sql: string) => Promise<unknown>; all: (sql: string) => Promise<Record<string, unknown>[]> };

/**
 * Recompute both tables from the base tables, inside the caller's transaction (so no reader
 * sees them empty). The fact table's triggers are set aside meanwhile and put back verbatim
 * from the schema, and the rollup is filled in one GROUP BY: a trigger per row would take
 * minutes at a million articles, the set-based statements seconds.
 */
export async function rebuildRollups(db: SqlRunner): Promise<void> {
  const triggers = await db.all(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ThemeFact'`);
  for (const t of triggers) await db.run(`DROP TRIGGER "${String(t.name)}"`);
  await db.run(`DELETE FROM "ThemeRollup"`);
  await db.run(`DELETE FROM "ThemeFact"`);
  await db.run(`INSERT INTO "ThemeFact" (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM (${FACTS_FROM_BASE_SQL})`);
  await db.run(`DELETE FROM "MentionRollup"`);
  await db.run(`INSERT INTO "ThemeRollup" (${KEY}, ${SUM_COLUMNS}) ${rollupOf(`SELECT * FROM "ThemeFact"`)}`);
  await db.run(`INSERT INTO "MentionRollup" ("organizationId", ${KEY}, ${SUM_COLUMNS}) ${mentionRollupOf(`SELECT * FROM "ThemeFact"`)}`);
  for (const t of triggers) await db.run(String(t.sql));
}

/** Rows of one table that its recomputation lacks (and the other way round): empty when they agree. */
export const ROLLUP_CHECKS: { name: string; sql: string }[] = [
  { name: "ThemeFact rows that the base tables do not give", sql: `SELECT ${FACT_COLUMNS} FROM "ThemeFact" EXCEPT ${FACTS_FROM_BASE_SQL}` },
  { name: "ThemeFact rows missing", sql: `${FACTS_FROM_BASE_SQL} EXCEPT SELECT ${FACT_COLUMNS} FROM "ThemeFact"` },
  {
    name: "ThemeRollup sums that a recomputation does not give",
    sql: `SELECT ${KEY}, articles, words, tagged, passages, "withTheme", tt, tw, ww FROM "ThemeRollup" EXCEPT ${rollupOf(FACTS_FROM_BASE_SQL)}`,
  },
  {
    name: "ThemeRollup sums missing",
    sql: `${rollupOf(FACTS_FROM_BASE_SQL)} EXCEPT SELECT ${KEY}, articles, words, tagged, passages, "withTheme", tt, tw, ww FROM "ThemeRollup"`,
  },
  {
    name: "MentionRollup sums that a recomputation does not give",
    sql: `SELECT "organizationId", ${KEY}, ${SUM_COLUMNS} FROM "MentionRollup" EXCEPT ${mentionRollupOf(FACTS_FROM_BASE_SQL)}`,
  },
  {
    name: "MentionRollup sums missing",
    sql: `${mentionRollupOf(FACTS_FROM_BASE_SQL)} EXCEPT SELECT "organizationId", ${KEY}, ${SUM_COLUMNS} FROM "MentionRollup"`,
  },
];

export type RollupDifference = { check: string; count: number; examples: Record<string, unknown>[] };

/** Every check with the rows it found (a few examples each); empty when the aggregates are right. */
export async function checkRollups(db: Pick<SqlRunner, "all">): Promise<RollupDifference[]> {
  const query = db.all;
  const out: RollupDifference[] = [];
  for (const c of ROLLUP_CHECKS) {
    const [{ count }] = await query(`SELECT COUNT(*) AS count FROM (${c.sql})`);
    if (Number(count) > 0) out.push({ check: c.name, count: Number(count), examples: await query(`${c.sql} LIMIT 3`) });
  }
  return out;
}

/** A Prisma client (or transaction) as a runner. */
export function prismaRunner(p: { $executeRawUnsafe: (sql: string) => Promise<number>; $queryRawUnsafe: <T>(sql: string) => Promise<T> }): SqlRunner {
  return { run: (sql) => p.$executeRawUnsafe(sql), all: (sql) => p.$queryRawUnsafe<Record<string, unknown>[]>(sql) };
}
