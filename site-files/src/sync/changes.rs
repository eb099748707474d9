//! Which pages a change of the source touches: the difference between two catalogues of a
//! WordPress site (the one the dist was built from, and the site now), as routes to render again,
//! routes whose pages are gone, and articles whose slug moved.

use broadsheet::model::{Route, Slug, Taxonomy};
use broadsheet::source::{Catalogue, PostEntry, TermEntry};
use std::collections::{BTreeSet, HashMap, HashSet};

/// What a sync does to the dist.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    /// The pages to render again first (new ones among them), each once: those that readers
    /// look for a change on, the changed articles themselves and the first page of each listing.
    pub render: Vec<Route>,
    /// The other pages to render again, once those are in place: the later pages of the
    /// listings, whose articles shifted, and articles that show a changed count or name.
    pub later: Vec<Route>,
    /// The pages that are gone, each once; none of them is in `render`.
    pub remove: Vec<Route>,
    /// Articles whose slug changed: from the old slug to the new.
    pub moved: Vec<(Slug, Slug)>,
    /// Tags and sections that no longer have pages (nor a feed): their listings' first pages.
    pub gone_terms: Vec<Route>,
    /// Every page must be rendered again: what all of them show (the site's name, the section
    /// bar) changed.
    pub everything: bool,
    /// Posts new, changed and gone, for the summary.
    pub added: usize,
    pub changed: usize,
    pub gone: usize,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.everything
            && self.render.is_empty()
            && self.later.is_empty()
            && self.remove.is_empty()
    }
}

/// The pages to render again and to remove, when the site went from `old` to `new`; listings
/// have `per_page` articles a page.
pub fn between(old: &Catalogue, new: &Catalogue, per_page: u32) -> Result<Changes, String> {
    let per_page = per_page.max(1) as usize;
    let old_posts: HashMap<u64, &PostEntry> =
        old.posts.iter().map(|post| (post.id, post)).collect();
    let new_posts: HashMap<u64, &PostEntry> =
        new.posts.iter().map(|post| (post.id, post)).collect();
    // By taxonomy, as `Taxonomy::ALL` orders them.
    let changed_in =
        Taxonomy::ALL.map(|taxonomy| changed_terms(old.terms(taxonomy), new.terms(taxonomy)));
    let changed_authors = changed_terms(&old.authors, &new.authors);
    let mut changes = Changes {
        everything: old.site != new.site || section_bar(old) != section_bar(new),
        ..Changes::default()
    };
    // Posts whose card or page shows something new: themselves, or their terms' or author's names.
    let mut touched = HashSet::new();
    // Of those, the posts that changed themselves.
    let mut own = HashSet::new();
    for post in &new.posts {
        let shows_new = match old_posts.get(&post.id) {
            None => {
                changes.added += 1;
                true
            }
            Some(was) if *was != post => {
                changes.changed += 1;
                true
            }
            Some(_) => false,
        };
        if shows_new {
            own.insert(post.id);
        }
        if shows_new
            || changed_authors.contains(&post.author)
            || Taxonomy::ALL
                .into_iter()
                .zip(&changed_in)
                .any(|(taxonomy, changed)| {
                    post.terms(taxonomy).iter().any(|id| changed.contains(id))
                })
        {
            touched.insert(post.id);
        }
    }
    changes.gone = old.posts.len()
        - old
            .posts
            .iter()
            .filter(|post| new_posts.contains_key(&post.id))
            .count();

    let mut render = BTreeSet::new();
    let mut later = BTreeSet::new();
    let mut remove = BTreeSet::new();
    // An article's author card counts the author's articles: a new or gone article changes it on
    // each of the author's pages.
    let old_counts = articles_by_author(&old.posts);
    let new_counts = articles_by_author(&new.posts);
    for post in &new.posts {
        let page = || slug(&post.slug).map(|slug| RouteKey::of(Route::Article(slug)));
        if own.contains(&post.id) {
            render.insert(page()?);
        } else if touched.contains(&post.id)
            || old_counts.get(&post.author) != new_counts.get(&post.author)
        {
            later.insert(page()?);
        }
    }
    for post in &old.posts {
        let now = new_posts.get(&post.id);
        if now.is_none_or(|now| now.slug != post.slug) {
            remove.insert(RouteKey::of(Route::Article(slug(&post.slug)?)));
        }
        if let Some(now) = now.filter(|now| now.slug != post.slug) {
            changes.moved.push((slug(&post.slug)?, slug(&now.slug)?));
        }
    }

    let ids = |posts: &[PostEntry], on: &dyn Fn(&PostEntry) -> bool| -> Vec<u64> {
        posts
            .iter()
            .filter(|post| on(post))
            .map(|post| post.id)
            .collect()
    };
    let mut listings = vec![Listing {
        old: Some((Route::HOME, ids(&old.posts, &|_| true))),
        new: Some((Route::HOME, ids(&new.posts, &|_| true))),
        term_changed: false,
    }];
    let slugs = |terms: &[TermEntry]| -> HashMap<u64, String> {
        terms
            .iter()
            .map(|term| (term.id, term.slug.clone()))
            .collect()
    };
    for (taxonomy, changed) in Taxonomy::ALL.into_iter().zip(&changed_in) {
        // The terms with pages, by id, with their slugs.
        let listed = |catalogue: &Catalogue| -> HashMap<u64, String> {
            catalogue
                .terms(taxonomy)
                .iter()
                .filter(|term| term.is_listed(taxonomy))
                .map(|term| (term.id, term.slug.clone()))
                .collect()
        };
        let (old_terms, new_terms) = (listed(old), listed(new));
        let term_ids: BTreeSet<u64> = old
            .posts
            .iter()
            .chain(&new.posts)
            .flat_map(|post| post.terms(taxonomy).iter().copied())
            .collect();
        for term in term_ids {
            let side = |catalogue: &Catalogue, slugs: &HashMap<u64, String>| -> Result<_, String> {
                let posts = ids(&catalogue.posts, &|post| {
                    post.terms(taxonomy).contains(&term)
                });
                Ok(match slugs.get(&term) {
                    Some(name) if !posts.is_empty() => {
                        Some((Route::term(taxonomy, &slug(name)?), posts))
                    }
                    _ => None,
                })
            };
            let listing = Listing {
                old: side(old, &old_terms)?,
                new: side(new, &new_terms)?,
                term_changed: changed.contains(&term),
            };
            if let Some((old_first, _)) = &listing.old {
                if !matches!(&listing.new, Some((new_first, _)) if new_first == old_first) {
                    changes.gone_terms.push(old_first.clone());
                }
            }
            listings.push(listing);
        }
    }
    let (old_authors, new_authors) = (slugs(&old.authors), slugs(&new.authors));
    let author_ids: BTreeSet<u64> = old
        .posts
        .iter()
        .chain(&new.posts)
        .map(|post| post.author)
        .collect();
    for author in author_ids {
        let side = |catalogue: &Catalogue, slugs: &HashMap<u64, String>| -> Result<_, String> {
            let posts = ids(&catalogue.posts, &|post| post.author == author);
            Ok(match slugs.get(&author) {
                Some(name) if !posts.is_empty() => Some((Route::author(&slug(name)?), posts)),
                _ => None,
            })
        };
        listings.push(Listing {
            old: side(old, &old_authors)?,
            new: side(new, &new_authors)?,
            term_changed: changed_authors.contains(&author),
        });
    }
    for listing in &listings {
        listing.pages(per_page, &touched, [&mut render, &mut later], &mut remove);
    }

    // The front page shows the latest of each section: a section's first page changing changes it.
    if render.iter().chain(&later).any(|key| {
        matches!(
            key.route,
            Route::Term {
                taxonomy: Taxonomy::Section,
                page: 1,
                ..
            }
        )
    }) {
        render.insert(RouteKey::of(Route::HOME));
    }
    later.retain(|route| !render.contains(route));
    remove.retain(|route| !render.contains(route) && !later.contains(route));
    changes.render = render.into_iter().map(|key| key.route).collect();
    changes.later = later.into_iter().map(|key| key.route).collect();
    changes.remove = remove.into_iter().map(|key| key.route).collect();
    changes.gone_terms.retain(|gone| {
        !changes
            .render
            .iter()
            .chain(&changes.later)
            .any(|route| route.with_page(1) == *gone)
    });
    Ok(changes)
}

/// One listing (the home page, a tag's or an author's pages) before and after: its first page's
/// route and its posts, newest first; `None` where it has no pages.
struct Listing {
    old: Option<(Route, Vec<u64>)>,
    new: Option<(Route, Vec<u64>)>,
    /// The tag's or author's own entry changed (its name, description, avatar): every page shows it.
    term_changed: bool,
}

impl Listing {
    /// Adds the pages of this listing that show something new to `render` (the first page) and
    /// `later` (the others), and those that are gone to `remove`. A listing whose length changed
    /// shows new totals and pagination on every page (and its articles shift across them all).
    fn pages(
        &self,
        per_page: usize,
        touched: &HashSet<u64>,
        [render, later]: [&mut BTreeSet<RouteKey>; 2],
        remove: &mut BTreeSet<RouteKey>,
    ) {
        let page_count =
            |posts: &[u64]| broadsheet::model::Listing::page_count(posts.len(), per_page as u32);
        let same_listing = match (&self.old, &self.new) {
            (Some((old, _)), Some((new, _))) => old == new,
            _ => false,
        };
        if let Some((first, posts)) = &self.new {
            let old_posts = self
                .old
                .as_ref()
                .filter(|_| same_listing)
                .map(|(_, posts)| posts);
            let all = self.term_changed || old_posts.is_none_or(|old| old.len() != posts.len());
            for (index, page) in first.pages(page_count(posts)).enumerate() {
                let shown = posts.chunks(per_page).nth(index).unwrap_or_default();
                let was = old_posts
                    .and_then(|old| old.chunks(per_page).nth(index))
                    .unwrap_or_default();
                if all || shown != was || shown.iter().any(|id| touched.contains(id)) {
                    if index == 0 {
                        &mut *render
                    } else {
                        &mut *later
                    }
                    .insert(RouteKey::of(page));
                }
            }
        }
        if let Some((first, posts)) = &self.old {
            let kept = match (&self.new, same_listing) {
                (Some((_, posts)), true) => page_count(posts),
                _ => 0,
            };
            for page in first.pages(page_count(posts)).skip(kept as usize) {
                remove.insert(RouteKey::of(page));
            }
        }
    }
}

/// A route in a set, ordered by its path.
#[derive(Debug)]
struct RouteKey {
    path: String,
    route: Route,
}

impl PartialEq for RouteKey {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl Eq for RouteKey {}

impl PartialOrd for RouteKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RouteKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.path.cmp(&other.path)
    }
}

impl RouteKey {
    fn of(route: Route) -> Self {
        Self {
            path: route.path(),
            route,
        }
    }
}

/// What the section bar of every page shows: the sections with posts, as they are shown.
fn section_bar(catalogue: &Catalogue) -> BTreeSet<(u64, &str, &str)> {
    let filed: HashSet<u64> = catalogue
        .posts
        .iter()
        .flat_map(|post| post.terms(Taxonomy::Section).iter().copied())
        .collect();
    catalogue
        .terms(Taxonomy::Section)
        .iter()
        .filter(|section| section.is_listed(Taxonomy::Section) && filed.contains(&section.id))
        .map(|section| (section.id, section.slug.as_str(), section.shown.as_str()))
        .collect()
}

/// The ids of the terms that are new, gone, or show something else.
fn changed_terms(old: &[TermEntry], new: &[TermEntry]) -> HashSet<u64> {
    let old: HashMap<u64, &TermEntry> = old.iter().map(|term| (term.id, term)).collect();
    let new: HashMap<u64, &TermEntry> = new.iter().map(|term| (term.id, term)).collect();
    old.keys()
        .chain(new.keys())
        .filter(|id| old.get(id) != new.get(id))
        .copied()
        .collect()
}

/// How many posts each author has.
fn articles_by_author(posts: &[PostEntry]) -> HashMap<u64, usize> {
    let mut counts = HashMap::new();
    for post in posts {
        *counts.entry(post.author).or_default() += 1;
    }
    counts
}

/// A slug as WordPress spells it (percent-encoded).
fn slug(text: &str) -> Result<Slug, String> {
    Slug::from_path_segment(text).map_err(|error| format!("WordPress listed {error}"))
}

#[cfg(test)]
mod tests;
