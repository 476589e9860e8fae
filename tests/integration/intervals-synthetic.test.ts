// Intervals of a synthetic corpus (many articles per bucket) against the independent Python computation.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TempDb } from "../helpers/db";
import { intervalSeedDir } from "../helpers/fixture";
import { checkIntervals } from "../helpers/intervals";
import { seededDb } from "../helpers/seeded-db";

let db: TempDb;
beforeAll(async () => {
  db = await seededDb(intervalSeedDir());
});
afterAll(() => db.cleanup());

it("every value and interval of timeline.csv and by-source.csv equals the independent computation (synthetic corpus)", async () => {
  expect(await checkIntervals("synthetic")).toBeGreaterThan(50);
});
