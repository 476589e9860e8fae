// The article's text with two coders' coverage of one theme marked word by word: words only A
// covers, words only B covers (the disagreements, on a highlight), and words both cover.
import { wordSpans } from "@/lib/measure/words";

type Span = { start: number; end: number };

export const CODER_COLOURS = ["#0072B2", "#D55E00"] as const;

const covers = (ps: readonly Span[], w: Span) => ps.some((p) => p.start < w.end && p.end > w.start);

export function CompareText({ body, a, b, labels }: { body: string; a: Span[]; b: Span[]; labels: [string, string] }) {
  const words = wordSpans(body);
  const out: React.ReactNode[][] = [[]];
  let at = 0;
  const push = (node: React.ReactNode) => out[out.length - 1].push(node);
  const text = (s: string) => {
    const parts = s.split("\n\n");
    parts.forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) push(part);
    });
  };
  for (const w of words) {
    if (w.start > at) text(body.slice(at, w.start));
    const [inA, inB] = [covers(a, w), covers(b, w)];
    const word = body.slice(w.start, w.end);
    if (!inA && !inB) push(word);
    else
      push(
        <span
          key={w.start}
          data-cover={inA && inB ? "both" : inA ? "a" : "b"}
          title={inA && inB ? `both ${labels[0]} and ${labels[1]}` : `only ${inA ? labels[0] : labels[1]}`}
          className={inA !== inB ? "rounded-sm bg-amber-200/70 dark:bg-amber-700/50" : ""}
          style={{
            boxShadow: [inA ? `inset 0 -2px 0 ${CODER_COLOURS[0]}` : "", inB ? `inset 0 ${inA ? "-5px" : "-2px"} 0 ${CODER_COLOURS[1]}` : ""].filter(Boolean).join(", "),
          }}
        >
          {word}
        </span>,
      );
    at = w.end;
  }
  if (at < body.length) text(body.slice(at));
  return (
    <div className="space-y-4 leading-relaxed" data-testid="compare-text">
      {out.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
