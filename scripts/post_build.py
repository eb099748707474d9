#!/usr/bin/env python3
"""Trunk post_build hook: finishes the staged dist/ for static hosting.

- the app's wasm cut of code it never runs and optimized (`optimize_app_wasm`), and its JavaScript
  glue minified;
- `_headers` (the Netlify / Cloudflare Pages format) with a strict Content-Security-Policy that
  allows Trunk's inline boot script by its SHA-256 hash (a nonce would need a server), and long
  caching for the content-hashed assets;
- `404.html`, a copy of index.html, which static hosts serve for unknown paths: that is how a
  deep link such as /tag/harbour/ reaches the app;
- every page prerendered to `<path>/index.html`, `sitemap.xml`, `robots.txt` and the RSS feeds
  (`/feed/`, `/tag/<slug>/feed/`), from the data in the folder, by broadsheet-site-files
  (site-files/), after `_headers`, to which it adds the feeds' Content-Type, and after 404.html,
  which it reads as the pages' shell;
- `embed/ticker/index.html`, another copy, where the app shows the news ticker alone for other
  sites' iframes; `_headers` lets any site frame that page (and only that page).

Runs in Trunk's staging folder (TRUNK_STAGING_DIR), or on a folder given as the first argument,
once: the wasm it finishes has lost the names it needs.
"""

import base64
import subprocess
import hashlib
import os
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# Trunk writes its content hash in hex without leading zeros: up to 16 digits.
HASHED_ASSET = re.compile(r"-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$")


def csp(script_hashes, frame_ancestors="'none'"):
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'"] + [f"'sha256-{h}'" for h in script_hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self'",
        # Article bodies may show pictures from anywhere on https.
        "img-src 'self' data: https:",
        # A backend on another origin must be added here (see README, "Deploying").
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",
    ])


TRUNK_BOOT = re.compile(
    r"<script type=\"module\">\s*import init, \* as bindings from '(?P<js>[^']+)';\s*"
    r"const wasm = await init\(\{ module_or_path: '(?P<wasm>[^']+)' \}\);.*?</script>",
    re.DOTALL,
)
PRELOAD = re.compile(r'<link rel="(?:modulepreload|preload)" href="[^"]+"[^>]*>')


def boot_after_load(html):
    """Trunk's boot script fetches the app at once, and its preload links start the download of the
    wasm while the page itself loads. The pages are prerendered and readable without the app, so the
    app waits for the page's load event: on a slow network it never competes with the page's text and
    pictures for bandwidth."""
    match = TRUNK_BOOT.search(html)
    if not match:
        sys.exit("post_build: Trunk's boot script is not in the expected form; see TRUNK_BOOT")
    boot = (
        '<script type="module">\n'
        "const start = async () => {\n"
        f"  const bindings = await import('{match['js']}');\n"
        f"  const wasm = await bindings.default({{ module_or_path: '{match['wasm']}' }});\n"
        "  window.wasmBindings = bindings;\n"
        '  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));\n'
        "};\n"
        "if (document.readyState === 'complete') start(); else addEventListener('load', start, { once: true });\n"
        "</script>"
    )
    return PRELOAD.sub("", html[: match.start()] + boot + html[match.end() :])


def optimize_app_wasm(staging):
    """Trunk hands over the app's wasm unoptimized and with its function names (index.html), so that
    code which is linked in but never runs can be cut first.

    Leptos's type-erased view (`AnyView`) keeps a pointer to a second, asynchronous way of hydrating
    its view, used only when an app hydrates lazily (`hydrate_lazy`, lazy routes). This app hydrates
    at once (`hydrate_body`), so that whole second tree of code is never run, but the pointers keep
    it linked in. The functions they point to (and the futures those make) are made to trap, and
    wasm-opt then drops everything only they reached: the wasm is an eighth smaller. Only these entry
    points are cut, by name: the compiler shares one body between identical functions under either's
    name, and helpers deeper in the asynchronous tree are shared with the synchronous one.

    Then wasm-opt shrinks the wasm as Trunk would have, and drops the names."""
    for wasm in staging.glob("*_bg.wasm"):
        subprocess.run(
            ["node", str(Path(__file__).with_name("snip_wasm.mjs")), str(wasm),
             r"^<T as tachys::view::any_view::IntoAny>::into_any::hydrate_async\b"],
            check=True,
        )
        subprocess.run([str(Path(__file__).with_name("optimize_wasm")), str(wasm)], check=True)


def minify_app_script(staging):
    """wasm-bindgen's JavaScript glue, 62 KB as written, is minified by terser (an npm dev-dependency,
    which the embed's build uses too): the boot script imports it by name, so Trunk's integrity
    hashes do not cover it."""
    for script in staging.glob("*.js"):
        if HASHED_ASSET.search(script.name):
            subprocess.run(
                ["terser", str(script), "--module", "--compress", "--mangle", "--output", str(script)],
                check=True,
            )


def main():
    staging = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    index = staging / "index.html"
    html = boot_after_load(index.read_text(encoding="utf-8"))
    index.write_text(html, encoding="utf-8")
    optimize_app_wasm(staging)
    minify_app_script(staging)
    scripts = [body for body in INLINE_SCRIPT.findall(html) if body.strip()]
    if not scripts:
        sys.exit("post_build: no inline boot script found in index.html; the CSP would block the app")
    hashes = [base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() for body in scripts]

    immutable = sorted(p.name for p in staging.iterdir() if HASHED_ASSET.search(p.name))
    lines = [
        "/*",
        f"  Content-Security-Policy: {csp(hashes)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Frame-Options: DENY",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
        # The ticker embed is made to be framed by other sites. "! Name" removes a header of the
        # rule above (Cloudflare Pages' syntax; see README for other hosts).
        # The script embed (embed/ticker.js) runs on other sites' pages: they fetch its files, the
        # config and the data across origins.
        "/embed/*",
        "  ! X-Frame-Options",
        "  ! Content-Security-Policy",
        f"  Content-Security-Policy: {csp(hashes, '*')}",
        "  Access-Control-Allow-Origin: *",
        "  Cache-Control: public, max-age=300",
        "/data/*",
        "  Cache-Control: public, max-age=300",
        "  Access-Control-Allow-Origin: *",
        "/config.json",
        "  Cache-Control: public, max-age=60",
        "  Access-Control-Allow-Origin: *",
    ]
    for name in immutable:
        lines += [f"/{name}", "  Cache-Control: public, max-age=31536000, immutable"]
    (staging / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (staging / "404.html").write_text(html, encoding="utf-8")
    embed = staging / "embed" / "ticker"
    embed.mkdir(parents=True, exist_ok=True)
    (embed / "index.html").write_text(html, encoding="utf-8")
    # A debug build: it shares its compiled crates with the native tests, and reads a few files.
    # The prerendered pages are kept in target/ with what they were built from: a rebuild renders
    # only the pages whose data changed.
    cache = Path(__file__).resolve().parent.parent / "target" / "prerender-cache"
    subprocess.run(["cargo", "run", "-q", "-p", "broadsheet-site-files", "--", str(staging), "--cache", str(cache)], check=True)
    print(f"post_build: _headers with {len(hashes)} script hash(es), {len(immutable)} immutable assets; 404.html; embed/ticker/")


if __name__ == "__main__":
    main()
