// The Lighthouse reference of `npm run bench`: the least a Next.js page costs a browser here,
// built with the project's own node_modules (same Next, React and Turbopack). A heading and a
// paragraph, rendered per request as the dashboard is; no stylesheet, no client component.
export const metadata = { title: "Bare Next.js page" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
