// The sides of a comparison (`a` and `b` page parameters): two date ranges written
// "2022-01-01..2022-12-31", or two source organizations by slug. A period side replaces the
// view's from/to; a source side replaces its organizations (as source).
import { isIsoDay } from "../measure/dates";
import type { Filters, ParamIssue } from "./schema";

export type Side = { kind: "period"; from: string; to: string; label: string } | { kind: "source"; source: string; label: string };

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function parseSide(name: string, raw: string | string[] | undefined, orgs: ReadonlyMap<string, string>): Side | ParamIssue {
  if (Array.isArray(raw)) return raw.length === 1 ? parseSide(name, raw[0], orgs) : { parameter: name, message: raw.length ? "may be given only once" : "is required" };
  const v = (raw ?? "").trim();
  if (!v) return { parameter: name, message: 'is required: a date range "2022-01-01..2022-12-31" or a source organization slug' };
  const m = RANGE.exec(v);
  if (m) {
    if (!isIsoDay(m[1]) || !isIsoDay(m[2])) return { parameter: name, message: "both ends of the range must be real dates written YYYY-MM-DD" };
    if (m[2] < m[1]) return { parameter: name, message: "the range must not end before it starts" };
    return { kind: "period", from: m[1], to: m[2], label: `${m[1]} to ${m[2]}` };
  }
  if (SLUG.test(v)) {
    const label = orgs.get(v);
    return label ? { kind: "source", source: v, label } : { parameter: name, message: `unknown organization "${v}"` };
  }
  return { parameter: name, message: 'must be a date range "2022-01-01..2022-12-31" or a source organization slug' };
}

export function parseSides(
  params: Record<string, string | string[] | undefined>,
  orgs: ReadonlyMap<string, string>,
): { ok: true; a: Side; b: Side } | { ok: false; issues: ParamIssue[] } {
  const a = parseSide("a", params.a, orgs);
  const b = parseSide("b", params.b, orgs);
  const issues = [a, b].filter((s): s is ParamIssue => "parameter" in s);
  if (issues.length) return { ok: false, issues };
  const [sa, sb] = [a as Side, b as Side];
  if (sa.kind !== sb.kind) return { ok: false, issues: [{ parameter: "b", message: "must be of the same kind as a (two date ranges, or two sources)" }] };
  return { ok: true, a: sa, b: sb };
}

/** The view of one side: the filters with the side's dates or source in place of the view's own. */
export function sideFilters(f: Filters, s: Side): Filters {
  return s.kind === "period" ? { ...f, from: s.from, to: s.to } : { ...f, orgs: [s.source], orgRole: "source" };
}

export const sideParam = (s: Side) => (s.kind === "period" ? `${s.from}..${s.to}` : s.source);
