"use client";
// The main navigation carries the current view's filters to the other pages (dashboard,
// articles, search, co-occurrence, compare), so moving between them keeps what is in view.
// Only the shared filters travel; a page's own parameters (drill, q, page, pair) stay behind.
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
          <Link href={q ? `${n.href}?${q}` : n.href}>{n.label}</Link>
        </li>
      ))}
    </ul>
  );
}
