//! The home page of a site with sections: the newest story, the latest few of each section, then
//! the rest of the latest, each story once.

use super::{ArticleCard, Listing, Slug, TermLink};

/// How many stories each section shows on the front page.
pub const SECTION_STORIES: usize = 3;

/// `/`, laid out as a news front page.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontPage {
    /// The newest story, shown largest; `None` on a site with no articles yet.
    pub lead: Option<ArticleCard>,
    /// In the section bar's order; a section with nothing left to show is left out.
    pub sections: Vec<SectionRow>,
    /// The latest stories shown nowhere above.
    pub more: Vec<ArticleCard>,
    /// The first page of the latest articles, which the pagination goes on from.
    pub latest: Listing,
}

/// A section's block on the front page.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionRow {
    pub section: TermLink,
    pub articles: Vec<ArticleCard>,
}

impl FrontPage {
    /// The front page of `latest` (the first page of all articles) and `sections` (each section
    /// with the first page of its articles, in the bar's order). A story is shown once: the lead
    /// is in no section's block, and a story in two sections is in the first one's.
    pub fn new(latest: Listing, sections: Vec<(TermLink, Vec<ArticleCard>)>) -> Self {
        let lead = latest.articles.first().cloned();
        let mut shown: Vec<Slug> = lead.iter().map(|card| card.slug.clone()).collect();
        let mut rows = Vec::new();
        for (section, cards) in sections {
            let articles: Vec<ArticleCard> = cards
                .into_iter()
                .filter(|card| !shown.contains(&card.slug))
                .take(SECTION_STORIES)
                .collect();
            shown.extend(articles.iter().map(|card| card.slug.clone()));
            if !articles.is_empty() {
                rows.push(SectionRow { section, articles });
            }
        }
        let more = latest
            .articles
            .iter()
            .filter(|card| !shown.contains(&card.slug))
            .cloned()
            .collect();
        Self {
            lead,
            sections: rows,
            more,
            latest,
        }
    }

    /// Every story the page shows, each once: the lead, the sections' and the rest.
    pub fn stories(&self) -> impl Iterator<Item = &ArticleCard> {
        let sections = self.sections.iter().flat_map(|row| &row.articles);
        self.lead.iter().chain(sections).chain(&self.more)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AuthorLink, Taxonomy, Timestamp};

    fn card(slug: &str) -> ArticleCard {
        ArticleCard {
            slug: Slug::parse(slug).unwrap(),
            title: slug.to_uppercase(),
            excerpt: String::new(),
            published: Timestamp::parse("2026-11-03T08:00:00Z").unwrap(),
            modified: None,
            author: AuthorLink {
                slug: Slug::parse("ada").unwrap(),
                name: "Ada".into(),
            },
            tags: Vec::new(),
            sections: Vec::new(),
            image: None,
        }
    }

    fn section(slug: &str) -> TermLink {
        TermLink {
            taxonomy: Taxonomy::Section,
            slug: Slug::parse(slug).unwrap(),
            name: slug.to_uppercase(),
        }
    }

    fn latest(slugs: &[&str]) -> Listing {
        Listing {
            page: 1,
            total_pages: 3,
            total_articles: 25,
            articles: slugs.iter().map(|slug| card(slug)).collect(),
        }
    }

    fn slugs<'a>(cards: impl IntoIterator<Item = &'a ArticleCard>) -> Vec<&'a str> {
        cards.into_iter().map(|card| card.slug.as_str()).collect()
    }

    #[test]
    fn the_newest_leads_then_each_sections_latest_then_the_rest_each_once() {
        let front = FrontPage::new(
            latest(&["a", "b", "c", "d", "e", "f"]),
            vec![
                (
                    section("news"),
                    ["a", "b", "g", "h", "i"].map(card).to_vec(),
                ),
                // "b" is news's already; "c" is in both and shown here.
                (section("sport"), ["b", "c"].map(card).to_vec()),
                // Everything it has is shown above: left out.
                (section("culture"), ["a", "c"].map(card).to_vec()),
            ],
        );
        assert_eq!(front.lead.as_ref().unwrap().slug.as_str(), "a");
        let rows: Vec<(&str, Vec<&str>)> = front
            .sections
            .iter()
            .map(|row| (row.section.slug.as_str(), slugs(&row.articles)))
            .collect();
        assert_eq!(rows, [("news", vec!["b", "g", "h"]), ("sport", vec!["c"])]);
        assert_eq!(slugs(&front.more), ["d", "e", "f"]);
        let all = slugs(front.stories());
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(all.len(), unique.len(), "each story once: {all:?}");
        assert_eq!(front.latest.total_pages, 3);
    }

    #[test]
    fn a_site_with_no_articles_has_no_lead_and_nothing_else() {
        let front = FrontPage::new(latest(&[]), vec![(section("news"), Vec::new())]);
        assert_eq!(front.lead, None);
        assert!(front.sections.is_empty() && front.more.is_empty());
    }
}
