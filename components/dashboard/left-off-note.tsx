import type { Granularity } from "@/lib/filters/schema";
import type { Timeline } from "@/lib/queries/analytics";

/** Says which articles the timeline does not place, and why, instead of guessing their dates. */
export function LeftOffNote({ leftOff, granularity, dateRange }: { leftOff: Timeline["leftOff"]; granularity: Granularity; dateRange: boolean }) {
  const parts: string[] = [];
  if (leftOff.unknownDate > 0) {
    const n = leftOff.unknownDate;
    parts.push(
      `${n} article${n === 1 ? " has" : "s have"} no known date` +
        (dateRange
          ? `; with a date range set, ${n === 1 ? "it is" : "they are"} left out of the other figures too.`
          : `; ${n === 1 ? "it still counts" : "they still count"} in Emphasis by source.`),
    );
  }
  if (leftOff.tooCoarse > 0) {
    const n = leftOff.tooCoarse;
    parts.push(
      `${n} article${n === 1 ? " is" : "s are"} dated only to the ${leftOff.coarsePrecisions.join(" or ")}, too coarse for a ${granularity} timeline` +
        ` (choose a coarser granularity to place ${n === 1 ? "it" : "them"}); ${n === 1 ? "it counts" : "they count"} in Emphasis by source.`,
    );
  }
  if (!parts.length) return null;
  return (
    <p data-testid="left-off-note">
      <strong className="font-medium">Not on the timeline: </strong>
      {parts.join(" ")}
    </p>
  );
}
