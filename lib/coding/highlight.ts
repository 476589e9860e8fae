// Splits an article body into paragraphs of runs, each run carrying the passages that cover
// it, so the reader can draw overlapping passages in all their theme colours at once.

export type Mark = { id: number; theme: string; start: number; end: number };
export type Run = { start: number; end: number; text: string; marks: Mark[]; startsPassages: number[] };

export function highlightRuns(body: string, marks: readonly Mark[]): Run[][] {
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (const part of body.split("\n\n")) {
    paragraphs.push({ start: at, end: at + part.length });
    at += part.length + 2;
  }
  return paragraphs.map((p) => {
    const cuts = new Set([p.start, p.end]);
    for (const m of marks) {
      if (m.start > p.start && m.start < p.end) cuts.add(m.start);
      if (m.end > p.start && m.end < p.end) cuts.add(m.end);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const runs: Run[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [start, end] = [sorted[i], sorted[i + 1]];
      runs.push({
        start,
        end,
        text: body.slice(start, end),
        marks: marks.filter((m) => m.start < end && m.end > start),
        startsPassages: marks.filter((m) => m.start === start || (m.start < p.start && start === p.start && m.end > p.start)).map((m) => m.id),
      });
    }
    return runs;
  });
}
