import Link from "next/link";
import type { ParamIssue } from "@/lib/filters/schema";

/** Says which URL parameter is wrong and why, and offers the default view. */
export function InvalidParams({ issues, resetHref }: { issues: ParamIssue[]; resetHref: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">This view’s address has a problem, so nothing is charted.</p>
      <ul className="mt-2 list-disc pl-5">
        {issues.map((i, n) => (
          <li key={n}>
            <code>{i.parameter}</code>: {i.message}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href={resetHref} className="underline">
          Open the default view
        </Link>{" "}
        or fix the address.
      </p>
    </div>
  );
}
