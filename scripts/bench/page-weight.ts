// First-load JavaScript of a page: every script its HTML loads (<script src>, not nomodule, and
// <link rel="preload|modulepreload" as="script">), fetched from the server and gzip-compressed
// here with zlib's default level (what `next start` sends). KB are 1,000 bytes.
import zlib from "node:zlib";
import { request } from "./server";

export type PageWeight = { scripts: number; rawKb: number; gzipKb: number; inlineKb: number };

export async function firstLoadJs(port: number, pathname = "/"): Promise<PageWeight> {
  const page = await request(port, pathname, { keepBody: true });
  if (page.status !== 200 || !page.body) throw new Error(`GET ${pathname}: HTTP ${page.status}`);
  const html = page.body;
  const srcs = new Set<string>();
  // A nomodule script (Next's polyfills) is skipped by every browser that runs modules.
  for (const m of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[0])?.[1];
    if (src && !/\bnomodule\b/i.test(m[0])) srcs.add(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (/\brel="(preload|modulepreload)"/.test(tag) && /\bas="script"/.test(tag)) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (href) srcs.add(href);
    }
  }
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const url = src.replace(/&amp;/g, "&");
    if (/^https?:/.test(url)) throw new Error(`${pathname} loads a script from elsewhere: ${url}`);
    const r = await request(port, url, { keepBody: true });
    if (r.status !== 200 || r.body === undefined) throw new Error(`GET ${url}: HTTP ${r.status}`);
    const buf = Buffer.from(r.body, "utf8");
    raw += buf.length;
    gz += zlib.gzipSync(buf).length;
  }
  let inline = 0;
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) inline += Buffer.byteLength(m[1]);
  return { scripts: srcs.size, rawKb: raw / 1000, gzipKb: gz / 1000, inlineKb: inline / 1000 };
}
