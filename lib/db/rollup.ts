// The aggregate tables of migrations 20261201150000_rollups ("ThemeFact", "ThemeRollup",
// "MonthRollup", "SourceRollup", "MentionRollup") and 20261201170000_narrow_rollups
// ("SourceMonthRollup", "MentionMonthRollup") are kept in step by triggers; this module recomputes them from scratch, to check them
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

/** The rollup tables of plain fact sums and their keys: the full one and three coarser ones. */
const ROLLUPS: { table: string; key: string }[] = [
  { table: "ThemeRollup", key: KEY },
  { table: "MonthRollup", key: `coder, "themeId", month, precision, basis, status` },
  { table: "SourceRollup", key: `coder, "themeId", "sourceId", basis, status` },
  { table: "SourceMonthRollup", key: `coder, "sourceId", "themeId", month, precision, basis, status` },
];
/** The rollup tables per organization mentioned: with source and publisher, and without. */
const MENTION_ROLLUPS: { table: string; key: string }[] = [
  { table: "MentionRollup", key: KEY },
  { table: "MentionMonthRollup", key: `coder, "themeId", month, precision, basis, status` },
];

/** A rollup as a GROUP BY over a fact relation. */
const rollupOf = (facts: string, key = KEY) => `SELECT ${key}, ${SUMS} FROM (${facts}) GROUP BY ${key}`;
/** The same per organization mentioned. */
const mentionRollupOf = (facts: string, key = KEY) =>
  `SELECT m."organizationId" AS "organizationId", ${key}, ${SUMS}
  FROM (${facts}) JOIN "ArticleMention" m USING ("articleId") GROUP BY m."organizationId", ${key}`;

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
  for (const r of ROLLUPS) await db.run(`DELETE FROM "${r.table}"`);
  for (const r of MENTION_ROLLUPS) await db.run(`DELETE FROM "${r.table}"`);
  await db.run(`DELETE FROM "ThemeFact"`);
  await db.run(`INSERT INTO "ThemeFact" (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM (${FACTS_FROM_BASE_SQL})`);
  for (const r of ROLLUPS) await db.run(`INSERT INTO "${r.table}" (${r.key}, ${SUM_COLUMNS}) ${rollupOf(`SELECT * FROM "ThemeFact"`, r.key)}`);
  for (const r of MENTION_ROLLUPS)
    await db.run(`INSERT INTO "${r.table}" ("organizationId", ${r.key}, ${SUM_COLUMNS}) ${mentionRollupOf(`SELECT * FROM "ThemeFact"`, r.key)}`);
  for (const t of triggers) await db.run(String(t.sql));
}

/** Rows of one table that its recomputation lacks (and the other way round): empty when they agree. */
export const ROLLUP_CHECKS: { name: string; sql: string }[] = [
  { name: "ThemeFact rows that the base tables do not give", sql: `SELECT ${FACT_COLUMNS} FROM "ThemeFact" EXCEPT ${FACTS_FROM_BASE_SQL}` },
  { name: "ThemeFact rows missing", sql: `${FACTS_FROM_BASE_SQL} EXCEPT SELECT ${FACT_COLUMNS} FROM "ThemeFact"` },
  ...ROLLUPS.flatMap((r) => [
    {
      name: `${r.table} sums that a recomputation does not give`,
      sql: `SELECT ${r.key}, ${SUM_COLUMNS} FROM "${r.table}" EXCEPT ${rollupOf(FACTS_FROM_BASE_SQL, r.key)}`,
    },
    { name: `${r.table} sums missing`, sql: `${rollupOf(FACTS_FROM_BASE_SQL, r.key)} EXCEPT SELECT ${r.key}, ${SUM_COLUMNS} FROM "${r.table}"` },
  ]),
  ...MENTION_ROLLUPS.flatMap((r) => [
    {
      name: `${r.table} sums that a recomputation does not give`,
      sql: `SELECT "organizationId", ${r.key}, ${SUM_COLUMNS} FROM "${r.table}" EXCEPT ${mentionRollupOf(FACTS_FROM_BASE_SQL, r.key)}`,
    },
    {
      name: `${r.table} sums missing`,
      sql: `${mentionRollupOf(FACTS_FROM_BASE_SQL, r.key)} EXCEPT SELECT "organizationId", ${r.key}, ${SUM_COLUMNS} FROM "${r.table}"`,
    },
  ]),
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
