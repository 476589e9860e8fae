import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-muted">There is no page or article at this address.</p>
      <p className="text-sm">
        <Link href="/articles">Browse the articles</Link> or go to the <Link href="/">dashboard</Link>.
      </p>
    </div>
  );
}
