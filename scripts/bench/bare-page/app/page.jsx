export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main>
      <h1>Theme emphasis</h1>
      <p>
        How much of the text of official communications each policy theme takes up, over time and by
        source. This page is the benchmark&apos;s reference: a bare Next.js page, nothing else on it.
      </p>
    </main>
  );
}
