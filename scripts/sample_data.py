#!/usr/bin/env python3
"""Build Broadsheet's static JSON data files from one source file.

Usage:
    python3 scripts/sample_data.py [--source content/sample.json] [--out public/data] [--check]

The output follows docs/data-format.md: site.json, authors.json, tags.json, sections.json,
index/page-N.json, tags/<slug>/page-N.json, sections/<slug>/page-N.json, authors/<slug>/page-N.json,
articles/<slug>.json, comments/<slug>.json (articles with comments only) and
ticker.json. Everything the script owns is removed and written again; any other
file in the output folder (media/ in particular) is left alone.

With --check the files are built in a temporary folder and compared with --out;
the exit status is 1 if anything differs, so CI can tell when the committed
files are out of date.

The files written are then read by the app's own decoders (broadsheet-site-files --check-data),
which name every problem: this script only writes them, the app owns the format's rules.

Standard library only (and cargo, for the check); the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO / "content" / "sample.json"
DEFAULT_OUT = REPO / "public" / "data"

# Files and folders this script owns inside the output folder.
OWNED_FILES = ("site.json", "authors.json", "tags.json", "sections.json", "ticker.json")
OWNED_DIRS = ("index", "tags", "sections", "authors", "articles", "comments")

# The two taxonomies: (the key of the source, of the terms file and of an article's field; the name of the
# terms file and of the folder of listings).
TAXONOMIES = (("tags", "tags"), ("sections", "sections"))



def image_out(image: dict, *, caption: bool) -> dict:
    out = {k: image[k] for k in ("url", "width", "height", "alt")}
    if caption and "caption" in image:
        out["caption"] = image["caption"]
    return out


def summary(a: dict) -> dict:
    s = {
        "slug": a["slug"],
        "title": a["title"],
        "excerpt": a.get("excerpt", ""),
        "published": a["published"],
    }
    if "modified" in a:
        s["modified"] = a["modified"]
    s["author"] = a["author"]
    s["tags"] = list(a.get("tags", []))
    s["sections"] = list(a.get("sections", []))
    if "image" in a:
        s["image"] = image_out(a["image"], caption=False)
    return s


def article_full(a: dict) -> dict:
    full = summary(a)
    full["body_html"] = a["body_html"]
    if "image" in a:
        full["image"] = image_out(a["image"], caption=True)
    for key in ("language", "direction"):
        if key in a:
            full[key] = a[key]
    return full


def comment_out(c: dict) -> dict:
    out = {"id": c["id"], "parent": c["parent"], "author_name": c["author_name"]}
    if "author_url" in c:
        out["author_url"] = c["author_url"]
    if "avatar" in c:
        out["avatar"] = image_out(c["avatar"], caption=False)
    out["date"] = c["date"]
    out["content_html"] = c["content_html"]
    return out


def paginate(items: list[dict], per_page: int) -> list[dict]:
    """Listing pages, numbered from 1; an empty listing has one empty page."""
    total_pages = max(1, -(-len(items) // per_page))
    return [
        {
            "page": n,
            "total_pages": total_pages,
            "total_articles": len(items),
            "articles": items[(n - 1) * per_page : n * per_page],
        }
        for n in range(1, total_pages + 1)
    ]


def build(src: dict) -> dict[str, object]:
    """Map of relative output path -> JSON value, in a stable order."""
    files: dict[str, object] = {}
    site = src["site"]
    files["site.json"] = {
        "title": site["title"],
        "tagline": site["tagline"],
        "language": site["language"],
        "direction": site.get("direction", "ltr"),
        "base_url": site["base_url"],
    }

    # Newest first; ties broken by slug so the order never depends on the source order.
    articles = sorted(
        src["articles"],
        key=lambda a: (-datetime.fromisoformat(a["published"]).timestamp(), a["slug"]),
    )
    summaries = [summary(a) for a in articles]
    per_page = src["per_page"]

    author_rows = []
    for author in src["authors"]:
        row = {"slug": author["slug"], "name": author["name"], "bio": author["bio"]}
        if "avatar" in author:
            row["avatar"] = image_out(author["avatar"], caption=False)
        row["article_count"] = sum(1 for s in summaries if s["author"] == author["slug"])
        author_rows.append(row)
    files["authors.json"] = {"authors": author_rows}

    for key, name in TAXONOMIES:
        rows = []
        for term in src.get(key, []):
            rows.append(
                {
                    "slug": term["slug"],
                    "name": term["name"],
                    "description": term["description"],
                    "article_count": sum(1 for s in summaries if term["slug"] in s[key]),
                }
            )
        files[f"{name}.json"] = {key: rows}

    for page in paginate(summaries, per_page):
        files[f"index/page-{page['page']}.json"] = page
    for key, folder in TAXONOMIES:
        for term in src.get(key, []):
            listing = [s for s in summaries if term["slug"] in s[key]]
            for page in paginate(listing, per_page):
                files[f"{folder}/{term['slug']}/page-{page['page']}.json"] = page
    for author in src["authors"]:
        listing = [s for s in summaries if s["author"] == author["slug"]]
        for page in paginate(listing, per_page):
            files[f"authors/{author['slug']}/page-{page['page']}.json"] = page

    for a in articles:
        files[f"articles/{a['slug']}.json"] = article_full(a)

    by_slug = {a["slug"]: a for a in articles}
    for slug in sorted(src.get("comments", {})):
        thread = src["comments"][slug]
        if thread:
            files[f"comments/{slug}.json"] = {"comments": [comment_out(c) for c in thread]}

    headlines = []
    for h in src.get("ticker", {}).get("headlines", []):
        if "slug" in h:
            headlines.append({"title": h.get("title") or by_slug[h["slug"]]["title"], "slug": h["slug"]})
        else:
            headlines.append({"title": h["title"], "url": h["url"]})
    files["ticker.json"] = {"headlines": headlines}
    return files


def render(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def clear_owned(out: Path) -> None:
    for name in OWNED_FILES:
        path = out / name
        if path.is_file() or path.is_symlink():
            path.unlink()
    for name in OWNED_DIRS:
        path = out / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


def write_all(files: dict[str, object], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    clear_owned(out)
    for rel, value in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(value), encoding="utf-8", newline="\n")


def owned_tree(out: Path) -> dict[str, bytes]:
    """Every file the script owns under `out`, by relative path."""
    found: dict[str, bytes] = {}
    for name in OWNED_FILES:
        path = out / name
        if path.is_file():
            found[name] = path.read_bytes()
    for name in OWNED_DIRS:
        root = out / name
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    found[path.relative_to(out).as_posix()] = path.read_bytes()
    return found


def check(files: dict[str, object], out: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="broadsheet-data-") as tmp:
        fresh_dir = Path(tmp)
        write_all(files, fresh_dir)
        fresh = owned_tree(fresh_dir)
    current = owned_tree(out)
    missing = sorted(set(fresh) - set(current))
    extra = sorted(set(current) - set(fresh))
    changed = sorted(k for k in set(fresh) & set(current) if fresh[k] != current[k])
    if not (missing or extra or changed):
        print(f"{out}: up to date ({len(fresh)} files)")
        return 0
    for label, names in (("missing", missing), ("not generated (stale)", extra), ("out of date", changed)):
        for name in names:
            print(f"{label}: {name}", file=sys.stderr)
    print(
        f"{out} does not match the source; run: python3 scripts/sample_data.py", file=sys.stderr
    )
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Broadsheet's JSON data files.")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="source file (default: content/sample.json)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: public/data)")
    parser.add_argument("--check", action="store_true", help="only compare --out with a fresh build; exit 1 if they differ")
    args = parser.parse_args(argv)

    try:
        text = args.source.read_text(encoding="utf-8")
    except OSError as err:
        print(f"error: cannot read {args.source}: {err}", file=sys.stderr)
        return 2
    try:
        src = json.loads(text)
    except json.JSONDecodeError as err:
        print(f"error: {args.source} is not valid JSON: {err}", file=sys.stderr)
        return 2
    files = build(src)
    if args.check:
        return check(files, args.out) or check_with_the_app(args.out)
    write_all(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")
    return check_with_the_app(args.out)


def check_with_the_app(out: Path) -> int:
    """The format's rules are the app's: its own decoders read what was written and name every problem
    (broadsheet-site-files --check-data)."""
    checked = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "broadsheet-site-files", "--", "--check-data", str(out.resolve())],
        cwd=REPO,
    )
    return 0 if checked.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
