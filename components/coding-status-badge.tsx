import { CODING_STATUS_LABELS, isCounted, type CodingStatus } from "@/lib/coding/status";

/** Where an article's coding stands; articles not yet coded are marked as left out of the figures. */
export function CodingStatusBadge({ status }: { status: string }) {
  const label = CODING_STATUS_LABELS[status as CodingStatus] ?? status;
  const counted = isCounted(status);
  return (
    <span
      data-testid="coding-status"
      data-status={status}
      title={counted ? "Counted in every theme figure" : "Not counted in theme figures until it is coded"}
      className={`inline-block rounded-full border px-2 py-0.5 text-xs ${
        counted ? "border-border bg-surface text-foreground" : "border-amber-600 text-amber-800 dark:border-amber-400 dark:text-amber-300"
      }`}
    >
      {label}
    </span>
  );
}

export const DATE_BASIS_TEXT: Record<string, string> = { stated: "stated by the text", inferred: "inferred by an editor" };
