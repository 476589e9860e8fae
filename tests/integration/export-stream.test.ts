// The long exports stream from a cursor (lib/queries/exports.ts, lib/db/reader.ts), on a real
// SQLite file of 3,000 articles (12,000 article x theme rows, 6,000 passages). Nothing here is
// timed: the test counts the rows the statement has produced when each piece of the response
// arrives, checks the cursor and its read snapshot are gone after a cancel (a checkpoint can
// then empty the WAL), and runs two exports and writes at once.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTempDb, type TempDb } from "../helpers/db";

type Route = { GET: (r: Request) => Promise<Response> };
const ARTICLES = 3_000;
const THEMES = ["innovation", "supply-chain-security", "party-building", "reform"];
const ROWS = ARTICLES * THEMES.length;
const CHUNK = 250; // CHUNK_ROWS of lib/queries/exports.ts (checked below)

let db: TempDb;
let writer: Database.Database;
let routes: { articleThemes: Route; passages: Route };
let reader: typeof import("@/lib/db/reader");

/** Every statement the app prepares on a read-only connection, with the rows its cursor has produced so far. */
type Watched = { sql: string; statement: Database.Statement; produced: number };
const watched: Watched[] = [];
/** Set to make the next cursor throw once it has produced this many rows (as a disk error would). */
let failAfter: number | undefined;

function build(file: string) {
  const w = new Database(file);
  w.pragma("journal_mode = WAL");
  w.transaction(() => {
    w.prepare(`INSERT INTO "Codebook" (id, version) VALUES (1, 'stream')`).run();
    const theme = w.prepare(`INSERT INTO "Theme" (slug, name, definition, cues, boundaries, colour, "order") VALUES (?, ?, '', '[]', '[]', '#000000', ?)`);
    THEMES.forEach((t, i) => theme.run(t, t, i + 1));
    const org = w.prepare(`INSERT INTO "Organization" (slug, name, kind) VALUES (?, ?, 'enterprise')`);
    for (let i = 1; i <= 3; i++) org.run(`org-${i}`, `Organization ${i}`);
    const article = w.prepare(
      `INSERT INTO "Article" (slug, title, body, "wordCount", "contentHash", "dateStart", "dateEnd", "datePrecision", "dateNote", "dateBasis", "codingStatus", "sourceId", "publisherId")
       VALUES (?, ?, 'Reform now, then more reform.', 5, ?, ?, ?, 'day', '', 'stated', 'coded', ?, NULL)`,
    );
    const stat = w.prepare(`INSERT INTO "ArticleTheme" ("articleId", "themeId", "taggedWords", passages) VALUES (?, ?, ?, ?)`);
    const passage = w.prepare(`INSERT INTO "Annotation" ("articleId", "themeId", start, "end", quote, words, annotator) VALUES (?, ?, 0, 10, 'Reform now', 2, 'bench')`);
    for (let id = 1; id <= ARTICLES; id++) {
      const day = `20${10 + (id % 15)}-0${1 + (id % 9)}-1${id % 10}`;
      article.run(`a-${String(id).padStart(5, "0")}`, `Article ${id}`, `h${id}`, day, day, 1 + (id % 3));
      THEMES.forEach((_, t) => stat.run(id, t + 1, t < 2 ? 2 : 0, t < 2 ? 1 : 0));
      passage.run(id, 1);
      passage.run(id, 2);
    }
  })();
  return w;
}

beforeAll(async () => {
  db = createTempDb();
  writer = build(db.file);
  writer.pragma("busy_timeout = 0"); // a checkpoint that cannot finish says so at once
  process.env.DATABASE_URL = db.url;
  const prepare = Database.prototype.prepare;
  vi.spyOn(Database.prototype, "prepare").mockImplementation(function (this: Database.Database, sql: string) {
    const statement = prepare.call(this, sql) as Database.Statement;
    if (!this.readonly) return statement;
    const w: Watched = { sql, statement, produced: 0 };
    watched.push(w);
    const fail = sql.includes(`AS "articleSlug"`) ? failAfter : undefined;
    if (fail !== undefined) failAfter = undefined;
    const iterate = statement.iterate.bind(statement);
    statement.iterate = ((...args: unknown[]) => {
      const rows = iterate(...args);
      return {
        next: () => {
          if (fail !== undefined && w.produced >= fail) throw new Error("disk I/O error (simulated)");
          const r = rows.next();
          if (!r.done) w.produced++;
          return r;
        },
        return: () => rows.return!(),
        [Symbol.iterator]() {
          return this;
        },
      };
    }) as typeof statement.iterate;
    return statement;
  });
  reader = await import("@/lib/db/reader");
  expect((await import("@/lib/queries/exports")).CHUNK_ROWS).toBe(CHUNK);
  routes = { articleThemes: await import("@/app/api/export/article-themes.csv/route"), passages: await import("@/app/api/export/passages.csv/route") };
});
afterAll(() => {
  vi.restoreAllMocks();
  writer.close();
  db.cleanup();
});

const decoder = new TextDecoder();
const lines = (bytes: Uint8Array) => decoder.decode(bytes).split("\r\n").filter(Boolean).length;

async function open(route: Route, query = "") {
  const before = watched.length;
  const res = await route.GET(new Request(`http://test/x${query ? `?${query}` : ""}`));
  expect(res.status).toBe(200);
  const body = res.body!.getReader();
  // The export's own statement (the chart queries read on a read-only connection too).
  return { body, cursor: () => watched.slice(before).find((w) => w.sql.includes(`AS "articleSlug"`)) };
}

async function readAll(body: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  let text = "";
  for (let r = await body.read(); !r.done; r = await body.read()) text += decoder.decode(r.value);
  return text;
}

const checkpoint = () => writer.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];

describe("article-themes.csv streams", () => {
  it("sends the header before any row is read, then one chunk of rows per read, while the cursor still has rows", async () => {
    const { body, cursor } = await open(routes.articleThemes);
    const header = await body.read();
    expect(decoder.decode(header.value)).toMatch(/^article_slug,date,/);
    expect(cursor()?.produced ?? 0).toBeLessThanOrEqual(CHUNK); // at most the first chunk is read ahead
    const first = await body.read();
    expect(lines(first.value!)).toBe(CHUNK);
    expect(cursor()!.produced).toBe(CHUNK); // the first rows are on their way; the rest wait in the cursor
    expect(cursor()!.statement.busy).toBe(true);
    let rows = CHUNK;
    const producedAtEachRead: number[] = [];
    for (let r = await body.read(); !r.done; r = await body.read()) {
      rows += lines(r.value);
      producedAtEachRead.push(cursor()!.produced);
    }
    expect(rows).toBe(ROWS);
    expect(producedAtEachRead).toEqual(Array.from({ length: ROWS / CHUNK - 1 }, (_, i) => (i + 2) * CHUNK)); // never more read than sent
    expect(cursor()!.statement.busy).toBe(false);
  });

  it("yields to the event loop between chunks, so other work runs while an export is read", async () => {
    const { body, cursor } = await open(routes.articleThemes);
    let producedWhenOtherWorkRan = -1;
    setImmediate(() => (producedWhenOtherWorkRan = cursor()?.produced ?? 0));
    const text = await readAll(body); // read as fast as possible: only the reader's own yields let the callback in
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(ROWS + 1);
    expect(producedWhenOtherWorkRan).toBeGreaterThanOrEqual(0);
    expect(producedWhenOtherWorkRan).toBeLessThan(ROWS);
  });

  it("a cancelled stream closes its cursor and ends its read snapshot: a write and a full checkpoint go through", async () => {
    checkpoint();
    const { body, cursor } = await open(routes.articleThemes);
    await body.read();
    await body.read();
    expect(cursor()!.statement.busy).toBe(true);
    // A write during the export is never blocked (WAL); the reader keeps its snapshot...
    writer.prepare(`UPDATE "Article" SET title = 'written during an export' WHERE id = 1`).run();
    // ...which is what keeps a checkpoint from emptying the WAL while the cursor is open.
    expect(checkpoint()[0].busy).toBe(1);
    await body.cancel();
    expect(cursor()!.statement.busy).toBe(false);
    expect(checkpoint()[0]).toEqual({ busy: 0, log: 0, checkpointed: 0 });
    expect(reader.idleReaders()).toBeGreaterThanOrEqual(1); // the connection went back to the pool
    writer.prepare(`UPDATE "Article" SET title = 'Article 1' WHERE id = 1`).run();
  });

  it("two exports at once each read their own snapshot, and writes in between are not blocked", async () => {
    const one = await open(routes.articleThemes);
    await one.body.read();
    await one.body.read(); // one's snapshot is taken: 3,000 articles
    writer
      .prepare(
        `INSERT INTO "Article" (slug, title, body, "wordCount", "contentHash", "dateStart", "dateEnd", "datePrecision", "dateNote", "dateBasis", "codingStatus", "sourceId") VALUES ('z-new', 'New', 'x', 1, 'hz', '2020-01-01', '2020-01-01', 'day', '', 'stated', 'coded', 1)`,
      )
      .run();
    const id = (writer.prepare(`SELECT id FROM "Article" WHERE slug = 'z-new'`).get() as { id: number }).id;
    for (let t = 1; t <= 4; t++) writer.prepare(`INSERT INTO "ArticleTheme" ("articleId", "themeId", "taggedWords", passages) VALUES (?, ?, 0, 0)`).run(id, t);
    const two = await open(routes.articleThemes);
    // Read both, interleaved chunk by chunk.
    const texts = ["", ""];
    const streams = [one.body, two.body];
    const done = [false, false];
    while (!done[0] || !done[1]) {
      for (const i of [0, 1]) {
        if (done[i]) continue;
        const r = await streams[i].read();
        if (r.done) done[i] = true;
        else texts[i] += decoder.decode(r.value);
      }
    }
    expect(one.cursor()!.statement).not.toBe(two.cursor()!.statement);
    const rowsOf = (t: string) => t.split("\r\n").filter(Boolean).length - 1;
    expect(rowsOf(texts[0]) + 1).toBe(ROWS - CHUNK); // the rows after the two reads above: the article added later is not in it
    expect(rowsOf(texts[1])).toBe(ROWS + 4);
    expect(texts[1]).toContain("\r\nz-new,2020-01-01,day,stated,coded,org-1,,1,innovation,0,0,");
    writer.prepare(`DELETE FROM "Article" WHERE id = ?`).run(id);
    expect(checkpoint()[0].busy).toBe(0);
  });

  it("an export that fails halfway errors the stream, and still closes its cursor", async () => {
    failAfter = 2 * CHUNK + CHUNK / 2;
    const { body, cursor } = await open(routes.articleThemes);
    await body.read(); // header
    await body.read(); // the first chunk
    await body.read(); // the second
    await expect(body.read()).rejects.toThrow("disk I/O error (simulated)");
    expect(cursor()!.produced).toBe(2 * CHUNK + CHUNK / 2);
    expect(cursor()!.statement.busy).toBe(false);
    expect(checkpoint()[0].busy).toBe(0);
  });
});

describe("passages.csv streams", () => {
  it("writes the stored words and sends its first rows while the cursor still has rows", async () => {
    const { body, cursor } = await open(routes.passages);
    expect(decoder.decode((await body.read()).value)).toMatch(/^article_slug,article_title,/);
    const first = decoder.decode((await body.read()).value);
    expect(first.split("\r\n").filter(Boolean)).toHaveLength(CHUNK);
    expect(cursor()!.produced).toBe(CHUNK);
    expect(first.split("\r\n")[0]).toMatch(/^a-\d{5},Article \d+,20\d\d-0\d-1\d,day,stated,org-\d,,(innovation|supply-chain-security),Reform now,0,10,2,bench,stream,consensus,all,/);
    await body.cancel();
    expect(cursor()!.statement.busy).toBe(false);
  });
});

describe("passages.csv's sort in pieces (lib/queries/exports.ts passageRowChunks)", () => {
  it("merges pieces of article ids into the order of one sort over every passage, ties in date and slug included", async () => {
    const { passageRowChunks, passagesSql } = await import("@/lib/queries/exports");
    const { parseFilters } = await import("@/lib/filters/schema");
    const all = parseFilters(new URLSearchParams("coding=all"));
    if (!all.ok) throw new Error("filters");
    const q = passagesSql(all.value);
    // 90 dates over 3,000 articles (about 33 articles a date), two passages each: the slug and the theme decide most of the order.
    const expected = writer.prepare(q.sql).raw(true).all(...(q.values as unknown[])) as unknown[][];
    expect(expected).toHaveLength(ARTICLES * 2);
    expect(new Set(expected.map((r) => r[2])).size).toBeLessThan(100);
    for (const pieceArticles of [1, 37, 1_000, 5_000]) {
      const got: unknown[][] = [];
      for await (const chunk of passageRowChunks(all.value, undefined, { pieceArticles, chunkRows: 101 })) got.push(...chunk);
      expect(got).toEqual(expected);
    }
  });

  it("compares texts as SQLite does (UTF-8 bytes), also where UTF-16 units disagree", async () => {
    const { compareText } = await import("@/lib/queries/exports");
    const texts = ["a", "ab", "a-b", "B", "", "\u00e9", "\uffff", "\u{1f600}", "\ue000", "a\u{1f600}", "a\uffff"];
    const sqlite = (writer.prepare(`SELECT value FROM json_each(?) ORDER BY value`).all(JSON.stringify(texts)) as { value: string }[]).map((r) => r.value);
    expect([...texts].sort(compareText)).toEqual(sqlite);
    expect([...texts].sort()).not.toEqual(sqlite); // JS's own order puts U+1F600 before U+FFFF
  });
});

describe("the export floor of the benchmark (scripts/bench/csv-floor.ts)", () => {
  it("writes the very bytes of each export (bar the time), from one statement", async () => {
    const { articleThemesFloor, passagesFloor } = await import("@/scripts/bench/csv-floor");
    const ro = new Database(db.file, { readonly: true });
    try {
      for (const [route, floor] of [
        [routes.articleThemes, articleThemesFloor(ro)],
        [routes.passages, passagesFloor(ro, true)],
      ] as const) {
        const res = await route.GET(new Request("http://test/x"));
        const bytes = Buffer.byteLength(await res.text());
        expect(floor.bytes).toBe(bytes);
      }
    } finally {
      ro.close();
    }
  });
});

describe("the export floor of the benchmark (scripts/bench/export-floor.ts)", () => {
  it("iterates a SQL string and counts rows and CSV bytes", async () => {
    const { exportFloor } = await import("@/scripts/bench/export-floor");
    // "a,b",1 CRLF = 9 bytes; c,2 CRLF = 5 bytes
    expect(exportFloor(db.file, `SELECT 'a,b' AS x, 1 AS y UNION ALL SELECT 'c', 2`)).toEqual({ rows: 2, bytes: 14 });
  });

  it("runs the app's own statement (a Prisma.Sql) over every row the export writes", async () => {
    const { exportFloor } = await import("@/scripts/bench/export-floor");
    const { articleThemesSql } = await import("@/lib/queries/exports");
    const { parseFilters } = await import("@/lib/filters/schema");
    const all = parseFilters(new URLSearchParams(""));
    const one = parseFilters(new URLSearchParams("theme=reform&org=org-2"));
    if (!all.ok || !one.ok) throw new Error("filters");
    expect(exportFloor(db.file, articleThemesSql(all.value)).rows).toBe(ROWS);
    expect(exportFloor(db.file, articleThemesSql(one.value)).rows).toBe(ARTICLES / 3); // every third article has source org-2
    const { passagesSql } = await import("@/lib/queries/exports");
    expect(exportFloor(db.file, passagesSql(all.value)).rows).toBe(ARTICLES * 2);
    const res = await routes.articleThemes.GET(new Request("http://test/x?theme=reform&org=org-2"));
    expect((await res.text()).split("\r\n").filter(Boolean)).toHaveLength(ARTICLES / 3 + 1);
  });
});

describe("no chunk outlives its write", () => {
  // The generators that yield the chunks hold each array until they are resumed; rows still
  // referenced then are moved to the garbage collector's old generation (lib/http/routes.ts).
  it("csvResponse empties each chunk of a cursor once encoded, and leaves a plain array of rows alone", async () => {
    const { csvResponse } = await import("@/lib/http/routes");
    const { parseFilters } = await import("@/lib/filters/schema");
    const parsed = parseFilters(new URLSearchParams());
    if (!parsed.ok) throw new Error("filters");
    const catalog = { themes: [], organizations: [], codebookVersion: "v1", coders: [] };
    const yielded: unknown[][][] = [];
    async function* cursor() {
      for (let i = 0; i < 3; i++) {
        const chunk = [[`a-${i}`, i], [`b-${i}`, i]];
        yielded.push(chunk);
        yield chunk;
      }
    }
    const body = csvResponse("x", ["slug", "n"], cursor(), parsed.value, catalog).body!.getReader();
    await body.read(); // the header
    const sizes: number[][] = [];
    let text = "";
    for (let r = await body.read(); !r.done; r = await body.read()) {
      text += decoder.decode(r.value);
      sizes.push(yielded.map((c) => c.length));
    }
    // After each chunk's bytes are read, that chunk and every one before it is empty.
    expect(sizes).toEqual([[0], [0, 0], [0, 0, 0]]);
    expect(text.split("\r\n").filter(Boolean).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["a-0,0", "b-0,0", "a-1,1", "b-1,1", "a-2,2", "b-2,2"]);

    const rows = [["c", 1]];
    await csvResponse("y", ["slug", "n"], rows, parsed.value, catalog).text();
    expect(rows).toEqual([["c", 1]]);
  });

  it("article-themes.csv's raw cells are the cells articleThemeRows makes of the same rows as objects", async () => {
    const { articleThemeRows } = await import("@/lib/http/exports");
    const { streamArticleThemeCells, streamArticleThemeRows } = await import("@/lib/queries/exports");
    const { parseFilters } = await import("@/lib/filters/schema");
    const parsed = parseFilters(new URLSearchParams("theme=reform"));
    if (!parsed.ok) throw new Error("filters");
    const raw: unknown[][] = [];
    for await (const c of streamArticleThemeCells(parsed.value)) raw.push(...c.map((r) => [...r]));
    const objects: unknown[][] = [];
    for await (const c of streamArticleThemeRows(parsed.value)) objects.push(...articleThemeRows(c));
    expect(raw).toHaveLength(ARTICLES);
    expect(raw).toEqual(objects);
    expect(raw[0]).toHaveLength(11);
  });
});
