"use client";
// The main navigation carries the current view's filters to the other pages (dashboard,
// articles, search, co-occurrence, compare), so moving between them keeps what is in view.
// Only the shared filters travel; a page's own parameters (drill, q, page, pair) stay behind.
// No prefetching: every page is rendered per request and none has a loading state, so a
// prefetch would fetch only the shared layout, yet cost a request and the main thread's time
// per link on every page load (12 on the dashboard).
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { filterQuery } from "@/lib/filters/travel";

type Items = readonly { href: string; label: string }[];

export function NavLinks({ items }: { items: Items }) {
  return <LinkList items={items} query={filterQuery(useSearchParams())} />;
}

/** The links without the view: what is shown before the URL's parameters are known. */
export function LinkList({ items, query: q = "" }: { items: Items; query?: string }) {
  return (
    <ul className="flex flex-wrap gap-4 text-sm">
      {items.map((n) => (
        <li key={n.href}>
          <Link href={q ? `${n.href}?${q}` : n.href} prefetch={false}>
            {n.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
