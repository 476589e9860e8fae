// A selection made with a mouse rarely lands on word edges. Passages snap outwards to whole
// words and lose surrounding spaces, so "eform the fir" becomes "Reform the firms".
import { wordSpans } from "../measure/words";

export function snapToWords(body: string, start: number, end: number): { start: number; end: number } | null {
  if (!(start >= 0 && end <= body.length && start < end)) return null;
  const words = wordSpans(body);
  const inside = words.filter((w) => w.end > start && w.start < end);
  if (inside.length === 0) return null;
  let s = Math.min(start, inside[0].start);
  let e = Math.max(end, inside[inside.length - 1].end);
  while (s < e && /\s/.test(body[s])) s++;
  while (e > s && /\s/.test(body[e - 1])) e--;
  return { start: s, end: e };
}
