// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // @resvg/resvg-js (PNG export) likewise ships a native binary.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@resvg/resvg-js"],
  poweredByHeader: false,
};

module.exports = nextConfig;
