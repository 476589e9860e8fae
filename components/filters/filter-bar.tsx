"use client";
// The filter controls. They hold no state of their own: every change writes the URL (a new
// history entry, so the back button steps through views) and the server renders the view.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useTransition } from "react";
import { CODING_STATUS_LABELS, CODING_STATUSES, type CodingStatus } from "@/lib/coding/status";
import {
  CODING_LABELS,
  CODINGS,
  GRANULARITIES,
  METRIC_LABELS,
  METRICS,
  ORG_ROLE_HINTS,
  ORG_ROLE_LABELS,
  ORG_ROLES,
  toSearchParams,
  type Filters,
} from "@/lib/filters/url";
import type { Catalog } from "@/lib/queries/analytics";
import { Segmented } from "./segmented";

type Props = {
  filters: Filters;
  catalog: Pick<Catalog, "themes" | "organizations">;
  /** The article list has no granularity or metric; it filters by coding status instead. */
  showChartControls?: boolean;
  /** Page parameters that are not filters (e.g. the chart layout) and survive a filter change. */
  keep?: Record<string, string>;
};

/** The status choices of the article list, each a set of statuses in the URL. */
const STATUS_CHOICES: { value: string; label: string; statuses: CodingStatus[] }[] = [
  { value: "", label: "Any status", statuses: [] },
  { value: "not-coded", label: "Not yet coded (uncoded or in progress)", statuses: ["uncoded", "in-progress"] },
  ...CODING_STATUSES.map((s) => ({ value: s, label: CODING_STATUS_LABELS[s], statuses: [s] })),
];

const GRANULARITY_LABELS = { month: "Month", quarter: "Quarter", year: "Year" } as const;

export function FilterBar({ filters: current, catalog, showChartControls = true, keep = {} }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // Controls show the requested view at once, while the server renders it.
  const [filters, setOptimistic] = useOptimistic(current);

  const go = (next: Partial<Filters>) => {
    const view = { ...filters, ...next };
    const params = toSearchParams(view);
    for (const [k, v] of Object.entries(keep)) params.set(k, v);
    const q = params.toString();
    startTransition(() => {
      setOptimistic(view);
      router.push(q ? `${pathname}?${q}` : pathname, { scroll: false });
    });
  };

  const allThemes = catalog.themes.map((t) => t.slug);
  const shownThemes = filters.themes.length ? filters.themes : allThemes;
  const toggleTheme = (slug: string, on: boolean) => {
    const next = on ? [...shownThemes, slug] : shownThemes.filter((s) => s !== slug);
    // All themes is the default view: keep the URL short by saying nothing.
    go({ themes: next.length === allThemes.length ? [] : allThemes.filter((s) => next.includes(s)) });
  };

  // The organization menu is a <details>: it closes on a click outside it or on Escape, so it
  // never stays open over the controls beneath it.
  const orgMenu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      const menu = orgMenu.current;
      if (menu?.open && e.target instanceof Node && !menu.contains(e.target)) menu.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      const menu = orgMenu.current;
      if (e.key === "Escape" && menu?.open) {
        menu.open = false;
        menu.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  const role = filters.orgRole;
  const orgs = catalog.organizations.filter((o) => o[role] > 0 || filters.orgs.includes(o.slug));
  const toggleOrg = (slug: string, on: boolean) =>
    go({ orgs: on ? [...filters.orgs, slug] : filters.orgs.filter((s) => s !== slug) });
  const orgSummary =
    filters.orgs.length === 0
      ? "All organizations"
      : filters.orgs.map((s) => catalog.organizations.find((o) => o.slug === s)?.name ?? s).join(", ");

  return (
    <form
      aria-label="Filters"
      className="flex flex-wrap items-end gap-x-6 gap-y-4 rounded-lg border border-border bg-surface p-4 text-sm"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="min-w-0">
        <legend className="mb-1 font-medium">Themes</legend>
        <div className="flex flex-wrap gap-2">
          {catalog.themes.map((t) => {
            const on = shownThemes.includes(t.slug);
            return (
              <label
                key={t.slug}
                className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-border bg-background px-2.5 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent"
              >
                <input
                  type="checkbox"
                  className="size-3.5"
                  style={{ accentColor: t.colour }}
                  checked={on}
                  disabled={on && shownThemes.length === 1}
                  onChange={(e) => toggleTheme(t.slug, e.target.checked)}
                />
                <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ backgroundColor: t.colour }} />
                {t.name}
              </label>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="min-w-0">
        <legend className="mb-1 font-medium">Organizations</legend>
        <details className="group relative" ref={orgMenu}>
          <summary className="flex max-w-72 cursor-pointer list-none items-center gap-2 rounded border border-border bg-background px-3 py-1.5">
            <span className="truncate">{orgSummary}</span>
            <span aria-hidden className="text-muted group-open:rotate-180">▾</span>
          </summary>
          <div className="absolute z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded border border-border bg-background p-3 shadow-lg">
            <fieldset>
              <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-muted">Match organizations as</legend>
              <Segmented
                name="orgRole"
                value={role}
                options={ORG_ROLES.map((r) => ({ value: r, label: ORG_ROLE_LABELS[r] }))}
                onChange={(v) => go({ orgRole: v })}
                small
              />
              <p className="mt-1 text-xs text-muted">{ORG_ROLE_HINTS[role]}</p>
            </fieldset>
            <ul className="mt-3 max-h-64 space-y-1 overflow-y-auto">
              {orgs.map((o) => (
                <li key={o.slug}>
                  <label className="flex cursor-pointer items-center gap-2">
                    <input type="checkbox" checked={filters.orgs.includes(o.slug)} onChange={(e) => toggleOrg(o.slug, e.target.checked)} />
                    <span className="flex-1">{o.name}</span>
                    <span className="tabular-nums text-muted" title={`articles with this ${role}`}>
                      {o[role]}
                    </span>
                  </label>
                </li>
              ))}
              {orgs.length === 0 && <li className="text-muted">No organization is a {role} of any article.</li>}
            </ul>
            {filters.orgs.length > 0 && (
              <button type="button" className="mt-2 text-accent underline" onClick={() => go({ orgs: [] })}>
                Clear organizations
              </button>
            )}
          </div>
        </details>
      </fieldset>

      <fieldset className="flex gap-3">
        <legend className="mb-1 font-medium">Dates</legend>
        <DateField label="From" value={filters.from} max={filters.to} onChange={(from) => go({ from })} />
        <DateField label="To" value={filters.to} min={filters.from} onChange={(to) => go({ to })} />
      </fieldset>

      {showChartControls && (
        <>
          <fieldset>
            <legend className="mb-1 font-medium">Granularity</legend>
            <Segmented
              name="granularity"
              value={filters.granularity}
              options={GRANULARITIES.map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))}
              onChange={(v) => go({ granularity: v })}
            />
          </fieldset>
          <fieldset>
            <legend className="mb-1 font-medium">Metric</legend>
            <Segmented
              name="metric"
              value={filters.metric}
              options={METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
              onChange={(v) => go({ metric: v })}
            />
          </fieldset>
          <fieldset>
            <legend className="mb-1 font-medium">Count</legend>
            <Segmented name="coding" value={filters.coding} options={CODINGS.map((c) => ({ value: c, label: CODING_LABELS[c] }))} onChange={(v) => go({ coding: v })} />
          </fieldset>
        </>
      )}
      {!showChartControls && (
        <label className="flex flex-col gap-0.5">
          <span className="font-medium">Coding status</span>
          <select
            className="rounded border border-border bg-background px-2 py-1.5"
            value={STATUS_CHOICES.find((c) => c.statuses.join() === [...filters.statuses].sort(byStatus).join())?.value ?? ""}
            onChange={(e) => go({ statuses: STATUS_CHOICES.find((c) => c.value === e.target.value)?.statuses ?? [] })}
          >
            {STATUS_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}

      <div className="flex items-center gap-3">
        <button
          type="button"
          className="rounded border border-border bg-background px-3 py-1.5 hover:bg-surface"
          onClick={() => startTransition(() => router.push(pathname, { scroll: false }))}
        >
          Reset
        </button>
        <span role="status" aria-live="polite" className="text-muted">
          {pending ? "Updating…" : ""}
        </span>
      </div>
    </form>
  );
}

const byStatus = (a: CodingStatus, b: CodingStatus) => CODING_STATUSES.indexOf(a) - CODING_STATUSES.indexOf(b);

/**
 * A date input that reports a date once it is complete: after a pause in typing (so typing
 * "2023" digit by digit does not navigate to the years 2, 20 and 202), on leaving the field,
 * or on Enter. Clearing the field reports undefined.
 */
function DateField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value?: string;
  /** the other end of the range: "To" may not precede "From" */
  min?: string;
  max?: string;
  onChange: (v: string | undefined) => void;
}) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commit = (input: HTMLInputElement) => {
    clearTimeout(timer.current);
    const v = input.value || undefined;
    // A range that ends before it starts is refused here, with the reason, instead of being
    // sent to the server (which would answer with an error page and drop both dates).
    const wrong = v && min && v < min ? `must not be before ${min}` : v && max && v > max ? `must not be after ${max}` : "";
    input.setCustomValidity(wrong ? `"${label}" ${wrong}` : "");
    if (wrong) {
      input.reportValidity();
      return;
    }
    if (v === value || (v && (!input.validity.valid || Number(v.slice(0, 4)) < 1900))) return;
    onChange(v);
  };
  return (
    <label className="flex flex-col gap-0.5">
      <span className="text-xs text-muted">{label}</span>
      <input
        type="date"
        min={min}
        max={max}
        className="rounded border border-border bg-background px-2 py-1 invalid:border-red-600"
        defaultValue={value ?? ""}
        key={`${label}-${value ?? ""}`}
        onChange={(e) => {
          const input = e.currentTarget;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(input), 800);
        }}
        onBlur={(e) => commit(e.currentTarget)}
        onKeyDown={(e) => e.key === "Enter" && commit(e.currentTarget)}
      />
    </label>
  );
}
