use super::ArticleCard;

/// One page of a list of articles, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// 1-based.
    pub page: u32,
    pub total_pages: u32,
    pub total_articles: u32,
    pub articles: Vec<ArticleCard>,
}

impl Listing {
    /// How many pages a listing of `articles` has, `per_page` a page: one, when it has none.
    pub fn page_count(articles: usize, per_page: u32) -> u32 {
        articles.div_ceil(per_page.max(1) as usize).max(1) as u32
    }
}

/// What a source that searches itself (a WordPress site) found for a query: the first results,
/// best first, and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    pub query: String,
    pub total: u32,
    pub articles: Vec<ArticleCard>,
}

impl SearchResults {
    /// How many results a search lists, as the site's own index lists.
    pub const SHOWN: u32 = 20;
}

/// One entry of a pagination bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    Page {
        number: u32,
        current: bool,
    },
    /// A run of pages left out between two shown ones.
    Gap,
}

/// The page numbers to offer: always the first and last, and two either side of the current one,
/// with gaps for the rest, so the bar stays short on a phone whatever the page count.
pub fn page_links(current: u32, total: u32) -> Vec<PageLink> {
    const AROUND: u32 = 2;
    let total = total.max(1);
    let current = current.clamp(1, total);
    let mut links = Vec::new();
    let mut last_shown = 0;
    for number in 1..=total {
        let near = number.abs_diff(current) <= AROUND;
        if number == 1 || number == total || near {
            if number > last_shown + 1 {
                // A gap of exactly one page is shown as that page: "…" would be no shorter.
                if number == last_shown + 2 {
                    links.push(PageLink::Page {
                        number: last_shown + 1,
                        current: false,
                    });
                } else {
                    links.push(PageLink::Gap);
                }
            }
            links.push(PageLink::Page {
                number,
                current: number == current,
            });
            last_shown = number;
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(current: u32, total: u32) -> String {
        page_links(current, total)
            .iter()
            .map(|link| match link {
                PageLink::Page {
                    number,
                    current: true,
                } => format!("[{number}]"),
                PageLink::Page { number, .. } => number.to_string(),
                PageLink::Gap => "…".into(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn short_listings_show_every_page() {
        assert_eq!(shown(1, 1), "[1]");
        assert_eq!(shown(2, 3), "1 [2] 3");
        assert_eq!(shown(1, 6), "[1] 2 3 … 6");
        assert_eq!(shown(4, 7), "1 2 3 [4] 5 6 7");
    }

    #[test]
    fn long_listings_keep_ends_and_neighbours() {
        assert_eq!(shown(10, 20), "1 … 8 9 [10] 11 12 … 20");
        assert_eq!(shown(20, 20), "1 … 18 19 [20]");
        assert_eq!(shown(4, 20), "1 2 3 [4] 5 6 … 20");
    }

    #[test]
    fn out_of_range_pages_are_clamped() {
        assert_eq!(shown(0, 3), "[1] 2 3");
        assert_eq!(shown(9, 3), "1 2 [3]");
        assert_eq!(shown(1, 0), "[1]");
    }
}
