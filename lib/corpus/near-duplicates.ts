// Near-duplicates: a text that is almost the same as a stored one (a corrected re-edit, the same
// release with a new headline or a changed paragraph). Two texts are compared by the Jaccard
// similarity of their sets of 5-token shingles (every run of 5 consecutive words; in Chinese or
// Japanese, where words are not separated by spaces, every run of 5 characters). Finding the
// stored texts worth comparing does not read every article: each text has a MinHash signature
// (SIGNATURE_SIZE minimums of seeded hashes over its shingles), cut into BANDS bands of ROWS
// values; texts that agree on a whole band are candidates (locality-sensitive hashing), and only
// candidates are compared exactly. The band keys are stored per article (ArticleShingleBand) and
// looked up through their index, so a check costs BANDS index lookups plus the exact comparison
// of the few candidates, whatever the size of the corpus.
//
// Written here rather than taken from npm: the `minhash` package is an unmaintained 0.0.x, and
// the MinHash of `bloom-filters` draws random coefficients per instance; stored signatures must be
// the same in every process, so the hash functions here are fixed (seeded 32-bit mixers).

/** Words per shingle. 5 is the usual choice for news text: short enough that a changed word only
 * disturbs 5 shingles, long enough that stock phrases ("state-owned enterprises") do not make
 * unrelated texts similar. */
export const SHINGLE_TOKENS = 5;
/** Jaccard similarity from which a text counts as a near-duplicate (README: "Near-duplicates"). */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
export const BANDS = 16;
export const ROWS = 4;
export const SIGNATURE_SIZE = BANDS * ROWS;

/** Letters and digits in runs (a word), except Han, kana and Hangul, one token per character. */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+/gu;

export function tokens(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(TOKEN) ?? [];
}

/** FNV-1a over the UTF-16 units of a string, as an unsigned 32-bit integer. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a bijective 32-bit mixer, so x ^ seed -> mix is one hash function per seed. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x632be5ab));

/** The set of shingles (as 32-bit hashes) of a text; a text shorter than a shingle is one shingle. */
export function shingles(text: string): Set<number> {
  const t = tokens(text);
  const out = new Set<number>();
  if (t.length === 0) return out;
  if (t.length < SHINGLE_TOKENS) {
    out.add(fnv1a(t.join(" ")));
    return out;
  }
  for (let i = 0; i + SHINGLE_TOKENS <= t.length; i++) out.add(fnv1a(t.slice(i, i + SHINGLE_TOKENS).join(" ")));
  return out;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not similar (0). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

export function signature(set: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix32(x ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/**
 * One key per band: the band's number in the top bits and a 44-bit hash of its ROWS values below,
 * so every key is a safe integer (< 2^53) that SQLite stores as an INTEGER. Two texts share a key
 * when they agree on a whole band (or, rarely, when two bands collide: the exact check sorts that out).
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let r = 0; r < ROWS; r++) {
      const v = sig[b * ROWS + r];
      h1 = mix32(h1 ^ v);
      h2 = mix32(h2 ^ (v + 0x9e3779b9));
    }
    // 32 bits of h1 and 12 of h2: 44 bits, below the band number.
    keys.push(b * 2 ** 44 + (h2 & 0xfff) * 2 ** 32 + h1);
  }
  return keys;
}

/** A set of shingles as an ascending array: 4 bytes a shingle, and compared by one merge. */
export function sortedShingles(set: ReadonlySet<number>): Uint32Array {
  return Uint32Array.from(set).sort();
}

/** jaccard() of two sets given as ascending arrays without repeats (sortedShingles). */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** What a text's near-duplicate check needs: its shingles (as a set and sorted) and band keys. */
export type Fingerprint = { shingles: Set<number>; sorted: Uint32Array; keys: number[] };

export function fingerprint(text: string): Fingerprint {
  const s = shingles(text);
  return { shingles: s, sorted: sortedShingles(s), keys: s.size ? bandKeys(signature(s)) : [] };
}

/** The chance that two texts of Jaccard similarity s share at least one band: 1 - (1 - s^ROWS)^BANDS. */
export function candidateProbability(s: number): number {
  return 1 - (1 - s ** ROWS) ** BANDS;
}
