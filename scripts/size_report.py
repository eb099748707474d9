#!/usr/bin/env python3
"""Prints raw, gzip and brotli sizes of a built dist/, of its bundles against their budgets, and of a
cold article view.

usage: size_report.py DIST ARTICLE_SLUG
"""

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

# What a reader downloads on focusing the comment form (its island's wasm and glue), and what an
# embedding page downloads to show the ticker.
ISLANDS_BUDGET_BROTLI = 100 * 1024
EMBED_BUDGET_BROTLI = 40 * 1024


def brotli_size(data):
    return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)


def sizes(path):
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9)), brotli_size(data)


def row(name, raw, gz, br):
    print(f"{name:<60} {raw:>10,} {gz:>10,} {br:>10,}")


def budget_line(budget, brotli):
    verdict = "within" if brotli <= budget else "OVER"
    print(f"budget: {budget:,} bytes brotli; {verdict} by {abs(budget - brotli):,}")


def stylesheets(html, dist):
    """The stylesheets a page makes every reader wait for: those it links outside `<noscript>`
    (noscript.css is for readers without scripts only)."""
    html = re.sub(r"<noscript>.*?</noscript>", "", html, flags=re.DOTALL)
    links = re.findall(r'<link[^>]*rel="stylesheet"[^>]*>', html)
    hrefs = [re.search(r'href="([^"]+)"', link).group(1) for link in links]
    # Links are absolute paths under the site's base path, the root here.
    return [dist / href.lstrip("/") for href in hrefs]


def main():
    dist, slug = Path(sys.argv[1]), sys.argv[2]
    print(f"{'file':<60} {'raw':>10} {'gzip':>10} {'brotli':>10}")
    top_level = sorted(p for p in dist.iterdir() if p.is_file())
    for path in top_level:
        row(path.name, *sizes(path))
    data_files = [p for p in (dist / "data").rglob("*") if p.is_file()]
    totals = [sum(values) for values in zip(*(sizes(p) for p in data_files))]
    row(f"data/ ({len(data_files)} files)", *totals)

    # The full app, for what is not prerendered: no budget, since readers of prerendered pages never
    # download it.
    app = [p for p in top_level if p.suffix in (".wasm", ".js")]
    app_sizes = [sum(values) for values in zip(*(sizes(p) for p in app))]
    print()
    row("full app (wasm + JS)", *app_sizes)

    # One bundle per island: what a reader downloads on focusing the comment form (the budget), and
    # when the ticker's headlines are due again.
    for island in ("comments", "ticker"):
        bundle = [dist / "islands" / f"{island}.js", dist / "islands" / f"{island}_bg.wasm"]
        print()
        for path in bundle:
            row("islands/" + path.name, *sizes(path))
        bundle_sizes = [sum(values) for values in zip(*(sizes(p) for p in bundle))]
        row(f"{island} island bundle (wasm + JS)", *bundle_sizes)
        if island == "comments":
            budget_line(ISLANDS_BUDGET_BROTLI, bundle_sizes[2])

    # The ticker's script embed: what an embedding page downloads to show it (the budget): the
    # element's script, the ticker's stylesheet, the ticker the site built for embedding, and
    # config.json, checked against the one it was built with. The ticker island's bundle (above)
    # comes when its headlines are due, or at once for an element whose attributes change what it
    # shows.
    embed = [dist / "embed" / "ticker.js", dist / "embed" / "ticker.css", dist / "embed" / "ticker.json", dist / "config.json"]
    print()
    for path in embed:
        row(str(path.relative_to(dist)), *sizes(path))
    embed_sizes = [sum(values) for values in zip(*(sizes(p) for p in embed))]
    row("ticker embed, shown (JS, CSS, JSON)", *embed_sizes)
    budget_line(EMBED_BUDGET_BROTLI, embed_sizes[2])

    # The iframe embed's page, prerendered as the site's pages are: what an embedding page's frame
    # downloads to show it (the island's bundle, above, comes when its headlines are due).
    frame_page = dist / "embed" / "ticker" / "index.html"
    frame = [frame_page, *stylesheets(frame_page.read_text(encoding="utf-8"), dist), dist / "config.json"]
    print()
    for path in frame:
        row(str(path.relative_to(dist)), *sizes(path))
    row("iframe embed, shown (page, CSS, JSON)", *[sum(values) for values in zip(*(sizes(p) for p in frame))])

    # What a first visit to /<slug>/ downloads before the reader touches anything: the prerendered
    # page (with the answers its islands were drawn from), the stylesheets, its pictures, and (after
    # the page's load event) config.json, checked against the one the page was built with.
    article = json.loads((dist / "data" / "articles" / f"{slug}.json").read_text(encoding="utf-8"))
    authors = json.loads((dist / "data" / "authors.json").read_text(encoding="utf-8"))["authors"]
    author = next(a for a in authors if a["slug"] == article["author"])
    page = dist / slug / "index.html"
    cold = [page, *stylesheets(page.read_text(encoding="utf-8"), dist), dist / "config.json"]
    for image in (article.get("image"), author.get("avatar")):
        if image and not image["url"].startswith(("http:", "https:")):
            cold.append(dist / "data" / image["url"])
    print()
    print(f"cold view of /{slug}/ ({len(cold)} requests):")
    for path in cold:
        row("  " + str(path.relative_to(dist)), *sizes(path))
    row("total", *[sum(values) for values in zip(*(sizes(p) for p in cold))])


if __name__ == "__main__":
    main()
