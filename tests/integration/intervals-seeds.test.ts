// Intervals of the real seed corpus against the independent Python computation.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TempDb } from "../helpers/db";
import { checkIntervals } from "../helpers/intervals";
import { seededDb } from "../helpers/seeded-db";

let db: TempDb;
beforeAll(async () => {
  db = await seededDb(path.join(import.meta.dirname, "../../seeds"));
});
afterAll(() => db.cleanup());

it("every value and interval of timeline.csv and by-source.csv equals the independent computation (seed corpus)", async () => {
  expect(await checkIntervals("seeds")).toBeGreaterThan(50);
});
