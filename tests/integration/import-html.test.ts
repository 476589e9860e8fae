// Saved pages through the import, into a real SQLite file holding the seed corpus.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create";
import { importArticles } from "@/lib/writes/import";
import type { TempDb } from "../helpers/db";
import { seededDb } from "../helpers/seeded-db";

const FIX = path.join(import.meta.dirname, "../fixtures/html");
let db: TempDb;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
  prisma = createPrismaClient(db.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});

it("imports three news-site layouts with title, date, source, publisher and address, uncoded", async () => {
  const inputs = fs.readdirSync(FIX).sort().map((f) => ({ file: path.join(FIX, f), raw: fs.readFileSync(path.join(FIX, f), "utf8") }));
  const out = await importArticles(db.url, inputs);
  expect(out.map((o) => o.status)).toEqual(["imported", "imported", "imported"]);
  const rows = await prisma.article.findMany({
    where: { slug: { in: ["company-newsroom", "regulator-portal", "wire-agency"] } },
    orderBy: { slug: "asc" },
    include: { source: true, publisher: true },
  });
  expect(rows.map((a) => [a.slug, a.dateStart, a.dateBasis, a.source.slug, a.publisher?.slug, a.url, a.codingStatus])).toEqual([
    ["company-newsroom", "2024-05-06", "stated", "china-minmetals", "china-minmetals", "https://www.example-minmetals.com/newsroom/2024/critical-minerals-agreement", "uncoded"],
    ["regulator-portal", "2017-02-27", "stated", "sasac", "sasac", "http://en.example-sasac.gov.cn/2017/02/27/c_1234.htm", "uncoded"],
    ["wire-agency", "2023-07-26", "stated", "xinhua-news-agency", "global-wire", "https://news.example-wire.com/2023-07/26/c_1129771.htm", "uncoded"],
  ]);
  expect((await importArticles(db.url, inputs)).every((o) => o.status === "duplicate")).toBe(true);
});
