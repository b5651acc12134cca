// The Backend Guide's service worker: keeps one whole build of the guide in a cache, serves the
// guide from it (with or without a network), and moves to a new build only when the reader
// accepts ("A new version is available — Reload" in index.html).
//
// scripts/precache.sh rewrites the two `const` lines below from the final files of the build
// (the Trunk post_build hook runs it): VERSION hashes every file's contents, FILES lists every
// file but this one, relative to the scope, with its SHA-256.
"use strict";

const VERSION = "dev";
const FILES = [];

// The scope ends in "/": e.g. https://user.github.io/backend-guide/. Other sites can share the
// origin (every project site of a GitHub user does), so cache names carry the scope.
const SCOPE = self.registration.scope;
const PREFIX = "backend-guide " + SCOPE + " ";
const CACHE = PREFIX + VERSION;
// "Page not found": the answer to a navigation that has no page of its own. Every route's page
// is precached as it was prerendered, so a returning reader gets its text at once, even when
// the app cannot start.
const NOT_FOUND = "404.html";
const PRECACHED = new Set(FILES.map(([path]) => path));

const hex = (buffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

// Install: fetch every file of this build and check its bytes before caching it. A file can keep
// its name from one build to the next with other bytes (Trunk names the wasm before optimising
// it), so the HTTP cache or a CDN edge may still hold the old one: "no-cache" revalidates, and a
// wrong hash fails the install (the browser tries again later) rather than mixing two versions.
async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      FILES.map(async ([path, sha256]) => {
        const url = new URL(path, SCOPE).href;
        let response = await fetch(url, { cache: "no-cache" });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        const bytes = await response.clone().arrayBuffer();
        if (hex(await crypto.subtle.digest("SHA-256", bytes)) !== sha256) {
          throw new Error(`${path} is not the file of version ${VERSION}`);
        }
        if (response.redirected) {
          // A redirected response cannot answer a navigation: keep the body and headers only.
          const { status, statusText, headers } = response;
          response = new Response(bytes, { status, statusText, headers });
        }
        await cache.put(url, response);
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

// Activate (first install, or the reader accepted an update): drop our other versions' caches
// and take control of open pages.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page's "Reload" button: the waiting version takes over (and the page reloads).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

// Fetch: files of the build come from this version's cache; a navigation anywhere under the
// scope gets its cached prerendered page (every route has one), or else the cached 404.html
// ("Page not found"), as GitHub Pages would answer.
// Cache first, never network first: the shell and every file it loads come from one version,
// offline or on a slow connection alike; new versions arrive through the update flow.
// Anything else (not ours, or not a GET) goes to the network untouched.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const address = url.origin + url.pathname;
  if (!address.startsWith(SCOPE)) return;
  const path = address.slice(SCOPE.length);
  if (PRECACHED.has(path)) {
    event.respondWith(fromCache(path, request));
  } else if (request.mode === "navigate" && path !== "sw.js") {
    event.respondWith(fromCache(pageFor(path), request));
  }
});

// The cached page that answers a navigation to `path`: its prerendered page, or "Page not found".
function pageFor(path) {
  if (path === "") return "index.html";
  const prerendered = path.replace(/\/$/, "") + ".html";
  return PRECACHED.has(prerendered) ? prerendered : NOT_FOUND;
}

async function fromCache(path, request) {
  const cached = await caches.match(new URL(path, SCOPE).href, {
    cacheName: CACHE,
    ignoreVary: true,
  });
  return cached || fetch(request);
}
