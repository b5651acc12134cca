// The benchmark's reference site: the built site's own prerendered pages with every script
// taken out — the same HTML and stylesheet, no wasm, no service worker. What the guide would
// cost as plain static pages.
//
//   node tools/bench/reference.mjs SITE_DIR OUT_DIR
//
// Copies index.html, chapters/*.html and the stylesheets; drops <script> elements, preloads of
// the wasm and its glue, the manifest and the icons (nothing to install).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error("usage: node tools/bench/reference.mjs SITE_DIR OUT_DIR");
  process.exit(2);
}

const strip = (html) =>
  html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\b(?:modulepreload|preload|manifest|icon)\b[^>]*>/g, "");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "chapters"), { recursive: true });
const pages = ["index.html", ...readdirSync(join(site, "chapters")).map((f) => `chapters/${f}`)];
for (const page of pages) {
  writeFileSync(join(out, page), strip(readFileSync(join(site, page), "utf8")));
}
for (const css of readdirSync(site).filter((f) => f.endsWith(".css"))) {
  writeFileSync(join(out, css), readFileSync(join(site, css)));
}
console.error(`reference: ${pages.length} pages in ${out}`);
