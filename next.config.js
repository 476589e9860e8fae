// @ts-check
/** next/constants' PHASE_DEVELOPMENT_SERVER (a require() here would trip the lint rules). */
const PHASE_DEVELOPMENT_SERVER = "phase-development-server";

/**
 * Security headers for every route (pages, API, static files). Scripts: Next inlines its
 * bootstrap and flight data as inline <script>s; a per-request nonce (proxy.ts) would make
 * every page dynamic and still break on statically rendered ones, so script-src allows
 * 'self' and 'unsafe-inline' (Next's documented fallback without nonces) and nothing from
 * elsewhere. Styles: Recharts and React set style attributes. Dev mode also needs
 * 'unsafe-eval' (React's dev tooling) and websockets for hot reload.
 * @param {boolean} dev
 */
function securityHeaders(dev) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => ({
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // @resvg/resvg-js (PNG export) likewise ships a native binary.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@resvg/resvg-js"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
  },
});
