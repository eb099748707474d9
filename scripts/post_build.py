#!/usr/bin/env python3
"""Trunk post_build hook: finishes the staged dist/ for static hosting.

- the full app's wasm optimized, and its JavaScript glue minified;
- `_headers` (the Netlify / Cloudflare Pages format) with a strict Content-Security-Policy that
  allows Trunk's inline boot script by its SHA-256 hash (a nonce would need a server), and long
  caching for the content-hashed assets;
- `404.html`, a copy of index.html, which static hosts serve for unknown paths: that is how a
  deep link such as /tag/harbour/ reaches the app;
- `islands/shell.html`, the prerendered pages' shell: index.html with the page's own script
  (islands/page.js) in place of the app's boot script. Prerendered pages load no app: the page's
  script loads the islands (islands/, built by scripts/build_bundles) when a reader needs one, and
  the app only if config.json has changed since the build;
- every page prerendered to `<path>/index.html`, `sitemap.xml`, `news-sitemap.xml`, `robots.txt`, the
  RSS feeds (`/feed/`, `/tag/<slug>/feed/`, `/category/<slug>/feed/`) and `/feed.json`, from the data in the folder, by broadsheet-site-files
  (site-files/), after the pages' shell; with them the ticker for other sites: `embed/ticker/index.html`,
  the page for their iframes, and `embed/ticker.json`, for the script embed;
- `speculation-rules.json`, named by a `Speculation-Rules` header on every page: a link is
  prefetched while hovered and prerendered when pressed, so moving between prerendered pages (ordinary
  page loads) is instant;
- `_headers` lets any site frame the iframe embed's page (`embed/ticker/`), and only that page.

Runs in Trunk's staging folder (TRUNK_STAGING_DIR), or on a folder given as the first argument.
"""

import base64
import json
import subprocess
import hashlib
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# Trunk writes its content hash in hex without leading zeros: up to 16 digits.
HASHED_ASSET = re.compile(r"-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$")


def csp(script_hashes, origins=(), frame_ancestors="'none'"):
    """The Content-Security-Policy: the site's own files, the inline scripts by their hashes, and the
    origins config.json reads from (its API, and pictures served from there)."""
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'"] + [f"'sha256-{h}'" for h in script_hashes])
    # `https:` covers pictures from any https origin already.
    pictures = [o for o in origins if not o.startswith("https://")]
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self'",
        # Article bodies may show pictures from anywhere on https.
        " ".join(["img-src 'self' data: https:", *pictures]),
        " ".join(["connect-src 'self'", *origins]),
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
    html = PRELOAD.sub("", html[: match.start()] + boot + html[match.end() :])
    return html, {"script": boot, "js": match["js"], "wasm": match["wasm"]}


def optimize_app_wasm(staging):
    """wasm-opt shrinks the app's wasm as Trunk would have (index.html leaves it to this hook, with
    the same flags as the islands' and the embed's: scripts/optimize_wasm)."""
    for wasm in staging.glob("*_bg.wasm"):
        subprocess.run([str(Path(__file__).with_name("optimize_wasm")), str(wasm)], check=True)


ISLANDS = Path(__file__).resolve().parent.parent / "islands"
# The pages' script, with what it shares with the script embed in front of it, in its scope.
PAGE_SCRIPT = [ISLANDS / "before_wasm.js", ISLANDS / "page.js"]


def page_shell(html, boot):
    """The prerendered pages' shell: the app's boot script gives way to the page's own script, which
    knows where the app is should config.json have changed since the build."""
    # Every page carries it: minified (terser, as the app's glue), without its comments.
    script = subprocess.run(["terser", *map(str, PAGE_SCRIPT), "--enclose", "--compress", "--mangle"],
                            check=True, capture_output=True, text=True).stdout.strip()
    tag = f'<script data-app-js="{boot["js"]}" data-app-wasm="{boot["wasm"]}">{script}</script>'
    # Last in the head, after the stylesheets, which it then waits for: it measures the ticker.
    return html.replace(boot["script"], "").replace("</head>", f"{tag}\n</head>")


def minify_app_script(staging):
    """wasm-bindgen's JavaScript glue, 62 KB as written, is minified by terser (an npm dev-dependency,
    which the islands' build uses too): the boot script imports it by name, so Trunk's integrity
    hashes do not cover it."""
    for script in staging.glob("*.js"):
        if HASHED_ASSET.search(script.name):
            subprocess.run(
                ["terser", str(script), "--module", "--compress", "--mangle", "--output", str(script)],
                check=True,
            )


def speculation_rules(public_url):
    """Links to the site's pages, except what is not a page to read (the embed, the data, feeds)."""
    pages = {"and": [
        {"href_matches": f"{public_url}*"},
        *({"not": {"href_matches": pattern}} for pattern in (f"{public_url}embed/*", f"{public_url}data/*", "*/feed/*")),
    ]}
    return {
        "prefetch": [{"source": "document", "where": pages, "eagerness": "moderate"}],
        "prerender": [{"source": "document", "where": pages, "eagerness": "conservative"}],
    }


def config_origins(config_path):
    """The origins other than the site's that config.json reads from: the source's and the one comments
    are posted to, when they are absolute URLs."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    urls = [config.get("source", {}).get("url", ""), config.get("comments", {}).get("url", "")]
    origins = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc and f"{parts.scheme}://{parts.netloc}" not in origins:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def write_headers(dist):
    """Writes DIST/_headers, of which this is the one writer: the build calls it, and scripts/configure
    again once config.json names another source. Everything in it comes from the built folder: the
    inline scripts of the app's shell (404.html) and of the pages' shell (islands/shell.html), allowed
    by their hashes; the origins config.json reads from; the content-hashed assets."""
    app, shell = ((dist / name).read_text(encoding="utf-8") for name in ("404.html", "islands/shell.html"))
    scripts = [body for page in (app, shell) for body in INLINE_SCRIPT.findall(page) if body.strip()]
    if not scripts:
        sys.exit("post_build: no inline boot script found in index.html; the CSP would block the app")
    hashes = [base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() for body in scripts]
    origins = config_origins(dist / "config.json")
    public_url = re.search(r'<base href="([^"]*)"', app)[1]
    immutable = sorted(p.name for p in dist.iterdir() if HASHED_ASSET.search(p.name))
    lines = [
        "/*",
        f"  Content-Security-Policy: {csp(hashes, origins)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Frame-Options: DENY",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
        f'  Speculation-Rules: "{public_url}speculation-rules.json"',
        "/speculation-rules.json",
        "  Content-Type: application/speculationrules+json",
        # The ticker embed is made to be framed by other sites. "! Name" removes a header of the
        # rule above (Cloudflare Pages' syntax; see README for other hosts).
        # The script embed (embed/ticker.js) runs on other sites' pages: they fetch it, the
        # ticker built for them (embed/ticker.json), the ticker island's bundle (islands/ticker*),
        # the config and the data across origins.
        "/embed/*",
        "  ! X-Frame-Options",
        "  ! Content-Security-Policy",
        f"  Content-Security-Policy: {csp(hashes, origins, '*')}",
        "  Access-Control-Allow-Origin: *",
        "  Cache-Control: public, max-age=300",
        # The ticker built for embedding is as new as the site's pages, kept as briefly as config.json.
        "/embed/ticker.json",
        "  ! Cache-Control",
        "  Cache-Control: public, max-age=60",
        "/islands/*",
        "  Cache-Control: public, max-age=300",
        "  Access-Control-Allow-Origin: *",
        "/data/*",
        "  Cache-Control: public, max-age=300",
        "  Access-Control-Allow-Origin: *",
        "/config.json",
        "  Cache-Control: public, max-age=60",
        "  Access-Control-Allow-Origin: *",
    ]
    # Static hosts answer the feeds (site-files writes them as feed/index.html) as HTML otherwise.
    for feed in ("/feed/", "/tag/:tag/feed/", "/category/:category/feed/"):
        lines += [feed, "  Content-Type: application/rss+xml; charset=utf-8"]
    # JSON Feed's own type (jsonfeed.org); a host would say application/json.
    lines += ["/feed.json", "  Content-Type: application/feed+json; charset=utf-8"]
    for name in immutable:
        lines += [f"/{name}", "  Cache-Control: public, max-age=31536000, immutable"]
    (dist / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return hashes, immutable, origins


def main():
    staging = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    index = staging / "index.html"
    html, boot = boot_after_load(index.read_text(encoding="utf-8"))
    index.write_text(html, encoding="utf-8")
    shell = page_shell(html, boot)
    (staging / "islands").mkdir(exist_ok=True)
    (staging / "islands" / "shell.html").write_text(shell, encoding="utf-8")
    optimize_app_wasm(staging)
    minify_app_script(staging)
    public_url = re.search(r'<base href="([^"]*)"', html)[1]
    (staging / "speculation-rules.json").write_text(json.dumps(speculation_rules(public_url), indent=1) + "\n", encoding="utf-8")
    (staging / "404.html").write_text(html, encoding="utf-8")
    hashes, immutable, _ = write_headers(staging)
    # A debug build: it shares its compiled crates with the native tests, and reads a few files.
    # The prerendered pages are kept in target/ with what they were built from: a rebuild renders
    # only the pages whose data changed.
    cache = Path(__file__).resolve().parent.parent / "target" / "prerender-cache"
    subprocess.run(["cargo", "run", "-q", "-p", "broadsheet-site-files", "--", str(staging), "--cache", str(cache)], check=True)
    print(f"post_build: _headers with {len(hashes)} script hash(es), {len(immutable)} immutable assets; 404.html; islands/shell.html")

if __name__ == "__main__":
    main()
