use super::*;

fn post(id: u64, slug: &str, author: u64, tags: &[u64]) -> PostEntry {
    PostEntry {
        id,
        slug: slug.into(),
        date_gmt: format!("2026-11-0{id}T08:00:00"),
        modified_gmt: "2026-11-03T08:00:00".into(),
        author,
        tags: tags.to_vec(),
        categories: Vec::new(),
    }
}

fn term(id: u64, slug: &str) -> TermEntry {
    TermEntry {
        id,
        slug: slug.into(),
        shown: format!(r#"{{"name":"{slug}"}}"#),
    }
}

/// Five posts, newest first: two by ada (author 1), three by bo (2); tag 10 (harbour) on three.
fn site() -> Catalogue {
    Catalogue {
        site: r#"{"name":"Herald"}"#.into(),
        posts: vec![
            post(5, "e", 1, &[10]),
            post(4, "d", 2, &[]),
            post(3, "c", 2, &[10]),
            post(2, "b", 1, &[11]),
            post(1, "a", 2, &[10]),
        ],
        tags: vec![term(10, "harbour"), term(11, "sport")],
        categories: vec![
            term(1, "uncategorized"),
            term(20, "news"),
            term(21, "sport"),
        ],
        authors: vec![term(1, "ada"), term(2, "bo")],
    }
}

/// [`site`] with posts e, c and a in the section news (category 20), and d in none but
/// "Uncategorized".
fn site_with_sections() -> Catalogue {
    let mut site = site();
    for post in &mut site.posts {
        post.categories = match post.slug.as_str() {
            "e" | "c" | "a" => vec![20],
            "d" => vec![1],
            _ => Vec::new(),
        };
    }
    site
}

fn paths(routes: &[Route]) -> Vec<String> {
    routes.iter().map(Route::path).collect()
}

/// Every page a sync renders, first or later.
fn rendered(changes: &Changes) -> Vec<String> {
    let mut all = paths(&changes.render);
    all.extend(paths(&changes.later));
    all.sort();
    all
}

#[test]
fn nothing_changed_touches_nothing() {
    let changes = between(&site(), &site(), 2).unwrap();
    assert!(changes.is_empty(), "{changes:?}");
}

#[test]
fn a_new_post_renders_itself_and_its_listings_first_pages_first_then_the_rest() {
    let mut new = site();
    new.posts.insert(0, post(6, "f", 1, &[11]));
    let changes = between(&site(), &new, 2).unwrap();
    assert_eq!(
        paths(&changes.render),
        ["/", "/author/ada/", "/f/", "/tag/sport/"]
    );
    assert_eq!(
        paths(&changes.later),
        [
            // The author card of ada's articles counts one more.
            "/author/ada/page/2/",
            "/b/",
            "/e/",
            "/page/2/",
            "/page/3/",
        ]
    );
    assert!(changes.remove.is_empty(), "{:?}", changes.remove);
    assert_eq!((changes.added, changes.changed, changes.gone), (1, 0, 0));
}

#[test]
fn a_modified_post_renders_only_the_pages_it_is_on() {
    let mut new = site();
    new.posts[2].modified_gmt = "2026-11-05T08:00:00".into();
    let changes = between(&site(), &new, 2).unwrap();
    assert_eq!(
        paths(&changes.render),
        ["/author/bo/", "/c/", "/tag/harbour/"]
    );
    assert_eq!(paths(&changes.later), ["/page/2/"]);
    assert_eq!(changes.changed, 1);
}

#[test]
fn a_gone_post_takes_its_page_and_the_last_page_of_its_listings_away() {
    let mut new = site();
    new.posts.retain(|post| post.id != 2);
    let changes = between(&site(), &new, 2).unwrap();
    assert_eq!(paths(&changes.remove), ["/b/", "/page/3/", "/tag/sport/"]);
    assert_eq!(
        changes.gone_terms,
        [Route::tag(&Slug::parse("sport").unwrap())]
    );
    assert!(
        paths(&changes.later).contains(&"/e/".to_owned()),
        "ada's count"
    );
    assert!(paths(&changes.render).contains(&"/author/ada/".to_owned()));
    assert_eq!(changes.gone, 1);
}

#[test]
fn a_changed_slug_moves_the_article_and_leaves_its_old_page() {
    let mut new = site();
    new.posts[1].slug = "d-renamed".into();
    let changes = between(&site(), &new, 2).unwrap();
    assert_eq!(
        changes.moved,
        [(Slug::parse("d").unwrap(), Slug::parse("d-renamed").unwrap())]
    );
    assert_eq!(paths(&changes.remove), ["/d/"]);
    assert!(paths(&changes.render).contains(&"/d-renamed/".to_owned()));
}

#[test]
fn a_renamed_tag_renders_its_articles_and_moves_its_pages() {
    let mut new = site();
    new.tags[0] = term(10, "port");
    let changes = between(&site(), &new, 2).unwrap();
    let render = rendered(&changes);
    for path in [
        "/tag/port/",
        "/tag/port/page/2/",
        "/a/",
        "/c/",
        "/e/",
        "/",
        "/page/3/",
    ] {
        assert!(render.contains(&path.to_owned()), "{path} in {render:?}");
    }
    assert!(!render.contains(&"/d/".to_owned()), "{render:?}");
    assert_eq!(
        paths(&changes.remove),
        ["/tag/harbour/", "/tag/harbour/page/2/"]
    );
    assert_eq!(
        changes.gone_terms,
        [Route::tag(&Slug::parse("harbour").unwrap())]
    );
}

#[test]
fn a_new_post_in_a_section_renders_the_sections_first_page_and_uncategorized_has_none() {
    let mut new = site_with_sections();
    let mut added = post(6, "f", 1, &[]);
    added.categories = vec![20];
    new.posts.insert(0, added);
    let changes = between(&site_with_sections(), &new, 2).unwrap();
    assert!(!changes.everything, "the bar is as it was");
    assert!(paths(&changes.render).contains(&"/category/news/".to_owned()));
    assert!(paths(&changes.later).contains(&"/category/news/page/2/".to_owned()));
    let mut filed = new.clone();
    filed.posts[1].modified_gmt = "2026-11-06T08:00:00".into();
    filed.posts[1].categories = vec![1];
    let render = rendered(&between(&new, &filed, 2).unwrap());
    assert!(
        render.iter().all(|path| !path.contains("uncategorized")),
        "{render:?}"
    );
}

#[test]
fn a_change_on_a_sections_first_page_renders_the_front_page_which_shows_it() {
    // c is on the home page's second page, and on news's first.
    let mut new = site_with_sections();
    new.posts[2].modified_gmt = "2026-11-06T08:00:00".into();
    let changes = between(&site_with_sections(), &new, 2).unwrap();
    assert!(paths(&changes.render).contains(&"/category/news/".to_owned()));
    assert!(
        paths(&changes.render).contains(&"/".to_owned()),
        "{changes:?}"
    );
    // Without sections, only the listings it is on.
    let mut plain = site();
    plain.posts[2].modified_gmt = "2026-11-06T08:00:00".into();
    assert!(!paths(&between(&site(), &plain, 2).unwrap().render).contains(&"/".to_owned()));
}

#[test]
fn the_section_bar_changing_renders_everything_and_an_emptied_section_goes() {
    // A section's first post puts it in the bar of every page.
    let mut new = site_with_sections();
    new.posts[3].categories = vec![21];
    new.posts[3].modified_gmt = "2026-11-06T08:00:00".into();
    let changes = between(&site_with_sections(), &new, 2).unwrap();
    assert!(changes.everything);
    assert!(paths(&changes.render).contains(&"/category/sport/".to_owned()));
    // Renamed, it is in the bar by its new name.
    let mut renamed = site_with_sections();
    renamed.categories[1].shown = r#"{"name":"Latest"}"#.into();
    assert!(
        between(&site_with_sections(), &renamed, 2)
            .unwrap()
            .everything
    );
    // Its last post gone, its pages and feed go.
    let emptied = between(&new, &site_with_sections(), 2).unwrap();
    assert!(emptied.everything);
    assert_eq!(
        emptied.gone_terms,
        [Route::section(&Slug::parse("sport").unwrap())]
    );
    assert!(paths(&emptied.remove).contains(&"/category/sport/".to_owned()));
}

#[test]
fn a_new_site_name_renders_everything() {
    let mut new = site();
    new.site = r#"{"name":"Gazette"}"#.into();
    assert!(between(&site(), &new, 2).unwrap().everything);
}

#[test]
fn slugs_in_other_scripts_are_read_as_wordpress_spells_them() {
    let mut new = site();
    new.posts[0].slug = "%d8%b3%d9%88%d9%82".into();
    let changes = between(&site(), &new, 2).unwrap();
    assert!(changes
        .render
        .contains(&Route::Article(Slug::parse("سوق").unwrap())));
}
