// A small seeded generator, so every run of the benchmark builds the same corpus.
export type Rand = {
  /** uniform in [0, 1) */
  (): number;
  /** an integer in [lo, hi] */
  int(lo: number, hi: number): number;
  /** one of the items */
  pick<T>(items: readonly T[]): T;
  /** an index drawn with the given cumulative weights (last = 1) */
  weighted(cumulative: readonly number[]): number;
};

/** mulberry32: 32-bit state, fast, and good enough for synthetic data. */
export function seeded(seed: number): Rand {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = next as Rand;
  r.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  r.pick = (items) => items[Math.floor(next() * items.length)];
  r.weighted = (cumulative) => {
    const x = next();
    const i = cumulative.findIndex((c) => x < c);
    return i < 0 ? cumulative.length - 1 : i;
  };
  return r;
}

/** Cumulative weights of a Zipf-like distribution over n items (rank^-s), so a few items are large. */
export function zipf(n: number, s = 0.8): number[] {
  const w = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
}
