//! `_redirects`, the one writer of it: a line `FROM TO 301` for each article whose slug changed,
//! in the format Netlify and Cloudflare Pages read (broadsheet-serve reads it too). Lines a site
//! owner wrote are kept as they are.

use std::collections::HashSet;
use std::path::Path;

pub const FILE: &str = "_redirects";

/// `text` (the file as it was) with each of `moved` (site paths, from the old to the new) as a
/// permanent redirect. A redirect that led to an old path leads to the new one; one that leads to
/// a page that is `gone` is dropped, and so is one from a path that is a page again (`pages`),
/// since some hosts would never serve that page.
pub fn update(
    text: &str,
    moved: &[(String, String)],
    gone: &HashSet<String>,
    pages: &HashSet<String>,
) -> String {
    let target = |to: &str| {
        moved
            .iter()
            .find(|(from, _)| from == to)
            .map_or(to.to_owned(), |(_, new)| new.clone())
    };
    let mut lines = Vec::new();
    let mut written = HashSet::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [from, to, rest @ ..] if !from.starts_with('#') => {
                let to = target(to);
                if pages.contains(*from)
                    || gone.contains(&to)
                    || moved.iter().any(|(old, _)| old == from)
                {
                    continue;
                }
                written.insert((*from).to_owned());
                lines.push([&[*from, to.as_str()][..], rest].concat().join(" "));
            }
            _ => lines.push(line.to_owned()),
        }
    }
    for (from, to) in moved {
        if !pages.contains(from) && written.insert(from.clone()) {
            lines.push(format!("{from} {to} 301"));
        }
    }
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// Updates `dist/_redirects` (see [`update`]); writes it aside first, then swaps it in.
pub fn write(
    dist: &Path,
    moved: &[(String, String)],
    gone: &HashSet<String>,
    pages: &HashSet<String>,
) -> std::io::Result<()> {
    let file = dist.join(FILE);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(error),
    };
    let updated = update(&text, moved, gone, pages);
    if updated == text {
        return Ok(());
    }
    let aside = dist.join(format!("{FILE}.new"));
    std::fs::write(&aside, updated)?;
    std::fs::rename(aside, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> HashSet<String> {
        HashSet::new()
    }

    fn moved(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(from, to)| ((*from).to_owned(), (*to).to_owned()))
            .collect()
    }

    #[test]
    fn a_moved_article_gets_a_permanent_redirect() {
        assert_eq!(
            update("", &moved(&[("/old/", "/new/")]), &none(), &none()),
            "/old/ /new/ 301\n"
        );
    }

    #[test]
    fn a_second_move_leads_the_first_redirect_to_the_newest_slug() {
        let text = "# the owner's\n/promo /sale 302\n/a/ /b/ 301\n";
        assert_eq!(
            update(text, &moved(&[("/b/", "/c/")]), &none(), &none()),
            "# the owner's\n/promo /sale 302\n/a/ /c/ 301\n/b/ /c/ 301\n"
        );
    }

    #[test]
    fn a_path_that_is_a_page_again_loses_its_redirect() {
        let pages = HashSet::from(["/a/".to_owned()]);
        assert_eq!(update("/a/ /b/ 301\n", &[], &none(), &pages), "");
        assert_eq!(update("", &moved(&[("/a/", "/b/")]), &none(), &pages), "");
    }

    #[test]
    fn a_redirect_to_a_page_that_is_gone_goes_too() {
        let gone = HashSet::from(["/b/".to_owned()]);
        assert_eq!(
            update("/a/ /b/ 301\n/c/ /d/ 301\n", &[], &gone, &none()),
            "/c/ /d/ 301\n"
        );
    }
}
