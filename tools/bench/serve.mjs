#!/usr/bin/env node
// A tiny static server that answers like GitHub Pages does for a project site, for the
// benchmark (scripts/bench.sh):
//   - the site lives under a prefix (default /backend-guide/); anything else is a plain 404;
//   - /x is /x, /x/index.html or /x.html; an unknown path gets the site's 404.html, status 404;
//   - gzip (level 9) for everything but images when the client accepts it, Vary: Accept-Encoding;
//   - ETag + Cache-Control: max-age=600, and 304 Not Modified on If-None-Match.
// Optionally logs every request as a JSON line (path, status, body bytes sent, encoding, and
// the Sec-Fetch-* headers that tell the page's requests from the service worker's).
//
//   node tools/bench/serve.mjs --root DIR [--port 0] [--prefix /backend-guide/] [--log FILE] [--no-gzip]
//
// Prints "listening on http://127.0.0.1:PORT/prefix/" once it accepts connections.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { appendFileSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync, constants as zlib } from "node:zlib";

const args = parseArgs(process.argv.slice(2));
const root = resolve(args.root ?? ".");
const prefix = args.prefix ?? "/backend-guide/";
const port = Number(args.port ?? 0);
const logFile = args.log;
const gzip = !args["no-gzip"];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};
const NOT_COMPRESSED = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff2"]);

// Files are read once and kept with their gzip form and ETag: the benchmark serves one build.
const files = new Map();
function load(path) {
  let entry = files.get(path);
  if (entry) return entry;
  const body = readFileSync(path);
  const ext = extname(path);
  const compressible = !NOT_COMPRESSED.has(ext);
  entry = {
    body,
    gz: gzip && compressible ? gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }) : null,
    type: TYPES[ext] ?? "application/octet-stream",
    etag: `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`,
  };
  files.set(path, entry);
  return entry;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// The file for a URL path under the prefix, or null.
function find(rel) {
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  for (const candidate of [path, join(path, "index.html"), path + ".html"]) {
    if (isFile(candidate)) return candidate;
  }
  return null;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  let status = 200;
  let path = null;
  if (url.pathname + "/" === prefix) {
    // GitHub Pages redirects the bare folder to its slash form.
    res.writeHead(301, { Location: prefix + url.search });
    res.end();
    return;
  }
  if (url.pathname.startsWith(prefix)) {
    path = find(url.pathname.slice(prefix.length));
    if (!path) {
      status = 404;
      const notFound = join(root, "404.html");
      path = isFile(notFound) ? notFound : null;
    }
  } else {
    status = 404;
  }
  let sent = 0;
  let encoding = "identity";
  if (!path) {
    const body = Buffer.from("Not found\n");
    res.writeHead(status, { "Content-Type": "text/plain", "Content-Length": body.length });
    if (req.method !== "HEAD") res.end(body), (sent = body.length);
    else res.end();
  } else {
    const file = load(path);
    const headers = {
      "Content-Type": file.type,
      "Cache-Control": "max-age=600",
      ETag: file.etag,
      Vary: "Accept-Encoding",
    };
    if (status === 200 && req.headers["if-none-match"] === file.etag) {
      status = 304;
      res.writeHead(304, headers);
      res.end();
    } else {
      let body = file.body;
      if (file.gz && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = file.gz;
        encoding = "gzip";
        headers["Content-Encoding"] = "gzip";
      }
      headers["Content-Length"] = body.length;
      res.writeHead(status, headers);
      if (req.method === "HEAD") res.end();
      else res.end(body), (sent = body.length);
    }
  }
  if (logFile) {
    const line = {
      t: Date.now(),
      method: req.method,
      path: url.pathname,
      file: path ? path.slice(root.length + 1) : null,
      status,
      bytes: sent,
      encoding,
      dest: req.headers["sec-fetch-dest"] ?? null,
      mode: req.headers["sec-fetch-mode"] ?? null,
      serviceWorker: req.headers["service-worker"] ?? null,
    };
    appendFileSync(logFile, JSON.stringify(line) + "\n");
  }
});

server.listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}${prefix}`);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    const name = list[i].replace(/^--/, "");
    if (name.startsWith("no-")) out[name] = true;
    else out[name] = list[++i];
  }
  return out;
}
