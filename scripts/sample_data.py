#!/usr/bin/env python3
"""Build Broadsheet's static JSON data files from one source file.

Usage:
    python3 scripts/sample_data.py [--source content/sample.json] [--out public/data] [--check]

The output follows docs/data-format.md: site.json, authors.json, tags.json,
index/page-N.json, tags/<slug>/page-N.json, authors/<slug>/page-N.json,
articles/<slug>.json, comments/<slug>.json (articles with comments only) and
ticker.json. Everything the script owns is removed and written again; any other
file in the output folder (media/ in particular) is left alone.

With --check the files are built in a temporary folder and compared with --out;
the exit status is 1 if anything differs, so CI can tell when the committed
files are out of date.

Standard library only; the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO / "content" / "sample.json"
DEFAULT_OUT = REPO / "public" / "data"

# Files and folders this script owns inside the output folder.
OWNED_FILES = ("site.json", "authors.json", "tags.json", "ticker.json")
OWNED_DIRS = ("index", "tags", "authors", "articles", "comments")

DIRECTIONS = ("ltr", "rtl")


class SourceError(Exception):
    """The source file breaks a rule; the message says which and where."""


# --------------------------------------------------------------------------- checks


def is_slug(value: object) -> bool:
    """1 to 200 characters of letters (any script), digits, '-' and '_'."""
    return (
        isinstance(value, str)
        and 1 <= len(value) <= 200
        and all(c.isalpha() or c.isdigit() or c in "-_" for c in value)
    )


def parse_time(value: object, where: str) -> datetime:
    if not isinstance(value, str) or not value:
        raise SourceError(f"{where}: expected a time string, got {value!r}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise SourceError(f"{where}: {value!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        raise SourceError(f"{where}: {value!r} has no 'Z' or UTC offset")
    return parsed


def need_str(obj: dict, key: str, where: str, *, empty_ok: bool = False) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise SourceError(f"{where}: '{key}' must be a string")
    if not empty_ok and not value.strip():
        raise SourceError(f"{where}: '{key}' must not be empty")
    return value


def need_dict(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise SourceError(f"{where}: expected an object")
    return value


def need_list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise SourceError(f"{where}: expected a list")
    return value


def is_web_url(value: object) -> bool:
    return isinstance(value, str) and (value.startswith("https://") or value.startswith("http://"))


def check_image(image: object, where: str, out: Path, warnings: list[str], *, caption_ok: bool) -> dict:
    image = need_dict(image, where)
    url = need_str(image, "url", where)
    for key in ("width", "height"):
        value = image.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise SourceError(f"{where}: '{key}' must be a positive integer")
    need_str(image, "alt", where, empty_ok=True)
    allowed = {"url", "width", "height", "alt"} | ({"caption"} if caption_ok else set())
    extra = set(image) - allowed
    if extra:
        raise SourceError(f"{where}: unexpected field(s) {sorted(extra)}")
    if "caption" in image:
        need_str(image, "caption", where)
    if "://" not in url and not url.startswith("/"):
        # Relative to the data folder: the media lives beside the generated files.
        if not (out / url).is_file():
            warnings.append(f"{where}: {url} not found in {out}")
    return image


def validate(src: object, out: Path) -> list[str]:
    """Raise SourceError on the first broken rule; return a list of warnings."""
    warnings: list[str] = []
    src = need_dict(src, "source")

    site = need_dict(src.get("site"), "site")
    for key in ("title", "language", "base_url"):
        need_str(site, key, "site")
    need_str(site, "tagline", "site", empty_ok=True)
    if site.get("direction", "ltr") not in DIRECTIONS:
        raise SourceError("site: 'direction' must be 'ltr' or 'rtl'")
    if not site["base_url"].endswith("/") or not is_web_url(site["base_url"]):
        raise SourceError("site: 'base_url' must be an http(s) URL ending in '/'")

    per_page = src.get("per_page")
    if not isinstance(per_page, int) or isinstance(per_page, bool) or per_page < 1:
        raise SourceError("per_page must be a positive integer")

    def check_slugged(items: list, kind: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            item = need_dict(item, f"{kind}[{i}]")
            slug = item.get("slug")
            if not is_slug(slug):
                raise SourceError(
                    f"{kind}[{i}]: slug {slug!r} must be 1-200 letters, digits, '-' or '_'"
                )
            if slug in seen:
                raise SourceError(f"{kind}: duplicate slug {slug!r}")
            seen.add(slug)
        return seen

    authors = need_list(src.get("authors"), "authors")
    author_slugs = check_slugged(authors, "authors")
    for a in authors:
        where = f"author {a['slug']}"
        need_str(a, "name", where)
        need_str(a, "bio", where, empty_ok=True)
        if "avatar" in a:
            check_image(a["avatar"], f"{where} avatar", out, warnings, caption_ok=False)

    tags = need_list(src.get("tags"), "tags")
    tag_slugs = check_slugged(tags, "tags")
    for t in tags:
        where = f"tag {t['slug']}"
        need_str(t, "name", where)
        need_str(t, "description", where, empty_ok=True)

    articles = need_list(src.get("articles"), "articles")
    article_slugs = check_slugged(articles, "articles")
    published: dict[str, datetime] = {}
    for a in articles:
        where = f"article {a['slug']}"
        need_str(a, "title", where)
        need_str(a, "excerpt", where, empty_ok=True)
        need_str(a, "body_html", where)
        published[a["slug"]] = parse_time(a.get("published"), f"{where} published")
        if "modified" in a:
            modified = parse_time(a["modified"], f"{where} modified")
            if modified < published[a["slug"]]:
                raise SourceError(f"{where}: 'modified' is earlier than 'published'")
        if a.get("author") not in author_slugs:
            raise SourceError(f"{where}: unknown author {a.get('author')!r}")
        tag_list = need_list(a.get("tags", []), f"{where} tags")
        for tag in tag_list:
            if tag not in tag_slugs:
                raise SourceError(f"{where}: unknown tag {tag!r}")
        if len(set(tag_list)) != len(tag_list):
            raise SourceError(f"{where}: a tag is listed twice")
        if "image" in a:
            check_image(a["image"], f"{where} image", out, warnings, caption_ok=True)
        if "language" in a:
            need_str(a, "language", where)
        if a.get("direction", "ltr") not in DIRECTIONS:
            raise SourceError(f"{where}: 'direction' must be 'ltr' or 'rtl'")

    comments = need_dict(src.get("comments", {}), "comments")
    for slug, thread in comments.items():
        if slug not in article_slugs:
            raise SourceError(f"comments: no article with slug {slug!r}")
        thread = need_list(thread, f"comments of {slug}")
        seen_ids: set[int] = set()
        previous: datetime | None = None
        for i, c in enumerate(thread):
            where = f"comments of {slug}[{i}]"
            c = need_dict(c, where)
            cid = c.get("id")
            if not isinstance(cid, int) or isinstance(cid, bool) or cid < 1:
                raise SourceError(f"{where}: 'id' must be an integer >= 1")
            if cid in seen_ids:
                raise SourceError(f"{where}: duplicate id {cid}")
            parent = c.get("parent")
            if not isinstance(parent, int) or isinstance(parent, bool):
                raise SourceError(f"{where}: 'parent' must be an integer")
            if parent != 0 and parent not in seen_ids:
                raise SourceError(
                    f"{where}: parent {parent} is not an earlier comment of the same article"
                )
            seen_ids.add(cid)
            need_str(c, "author_name", where)
            if "author_url" in c and not is_web_url(c["author_url"]):
                raise SourceError(f"{where}: 'author_url' must be an http(s) URL")
            if "avatar" in c:
                check_image(c["avatar"], f"{where} avatar", out, warnings, caption_ok=False)
            need_str(c, "content_html", where)
            date = parse_time(c.get("date"), f"{where} date")
            if date < published[slug]:
                raise SourceError(f"{where}: dated before the article was published")
            if previous is not None and date < previous:
                raise SourceError(f"{where}: comments must be listed oldest first")
            previous = date

    ticker = need_dict(src.get("ticker", {"headlines": []}), "ticker")
    for i, h in enumerate(need_list(ticker.get("headlines", []), "ticker.headlines")):
        where = f"ticker.headlines[{i}]"
        h = need_dict(h, where)
        if ("slug" in h) == ("url" in h):
            raise SourceError(f"{where}: give exactly one of 'slug' and 'url'")
        if "slug" in h:
            if h["slug"] not in article_slugs:
                raise SourceError(f"{where}: no article with slug {h['slug']!r}")
            if "title" in h:
                need_str(h, "title", where)
        else:
            if not is_web_url(h["url"]):
                raise SourceError(f"{where}: 'url' must be an http(s) URL")
            need_str(h, "title", where)

    return warnings


# --------------------------------------------------------------------------- build


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

    tag_rows = []
    for tag in src["tags"]:
        tag_rows.append(
            {
                "slug": tag["slug"],
                "name": tag["name"],
                "description": tag["description"],
                "article_count": sum(1 for s in summaries if tag["slug"] in s["tags"]),
            }
        )
    files["tags.json"] = {"tags": tag_rows}

    for page in paginate(summaries, per_page):
        files[f"index/page-{page['page']}.json"] = page
    for tag in src["tags"]:
        listing = [s for s in summaries if tag["slug"] in s["tags"]]
        for page in paginate(listing, per_page):
            files[f"tags/{tag['slug']}/page-{page['page']}.json"] = page
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
    try:
        warnings = validate(src, args.out)
    except SourceError as err:
        print(f"error: {args.source}: {err}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)

    files = build(src)
    if args.check:
        return check(files, args.out)
    write_all(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
