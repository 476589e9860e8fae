import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LinkList, NavLinks } from "@/components/nav-links";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Policy Theme Tracker", template: "%s · Policy Theme Tracker" },
  description: "How official discourse emphasises innovation, supply-chain security, Party building and reform over time.",
};

const NAV = [
  { href: "/", label: "Dashboard" },
  { href: "/articles", label: "Articles" },
  { href: "/search", label: "Search" },
  { href: "/cooccurrence", label: "Themes together" },
  { href: "/compare", label: "Compare" },
  { href: "/codebook", label: "Codebook" },
  { href: "/agreement", label: "Agreement" },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-background focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-border">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" prefetch={false} className="font-semibold text-foreground no-underline">
              Policy Theme Tracker
            </Link>
            {/* useSearchParams: without the Suspense boundary every page would render on the client only. */}
            <Suspense fallback={<LinkList items={NAV} />}>
              <NavLinks items={NAV} />
            </Suspense>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
