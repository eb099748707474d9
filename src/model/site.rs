use super::{Slug, TermLink};

/// Writing direction of a site or an article, for `dir` attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn parse(text: &str) -> Result<Self, String> {
        match text {
            "ltr" => Ok(Self::Ltr),
            "rtl" => Ok(Self::Rtl),
            other => Err(format!(
                "direction must be \"ltr\" or \"rtl\", not {other:?}"
            )),
        }
    }

    /// The direction a language is written in, from the primary subtag of its BCP 47 tag.
    pub fn of_language(tag: &str) -> Self {
        const RIGHT_TO_LEFT: &[&str] = &[
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur",
            "yi",
        ];
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if RIGHT_TO_LEFT.contains(&primary.to_ascii_lowercase().as_str()) {
            Self::Rtl
        } else {
            Self::Ltr
        }
    }

    /// The direction of a text by its first strongly directional letter, as `dir="auto"`
    /// decides (Unicode's bidi algorithm, rules P2 and P3), or `None` for a text without letters.
    pub fn of_text(text: &str) -> Option<Self> {
        let right_to_left = |c: char| {
            matches!(c,
                '\u{0590}'..='\u{08FF}' // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
                | '\u{FB1D}'..='\u{FDFF}' // Hebrew and Arabic presentation forms
                | '\u{FE70}'..='\u{FEFF}'
                | '\u{10800}'..='\u{10FFF}'
                | '\u{1E800}'..='\u{1EFFF}')
        };
        text.chars().find(|c| c.is_alphabetic()).map(|c| {
            if right_to_left(c) {
                Self::Rtl
            } else {
                Self::Ltr
            }
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// The publication itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub title: String,
    pub tagline: String,
    /// BCP 47 language tag, for `<html lang>` and date formatting.
    pub language: String,
    pub direction: Direction,
    /// Public address with a trailing slash; canonical URLs are built on it.
    pub base_url: String,
    /// The section bar, in its order: the site's sections that have articles.
    pub sections: Vec<TermLink>,
}

/// `sections` in the order a site owner chose: those `first` names, in its order, then the rest
/// as they were. A name that is no section is passed over, so that a section emptied or renamed
/// in WordPress does not break the bar.
pub fn order_sections(mut sections: Vec<TermLink>, first: &[Slug]) -> Vec<TermLink> {
    let rank = |section: &TermLink| {
        first
            .iter()
            .position(|slug| *slug == section.slug)
            .unwrap_or(first.len())
    };
    // Stable: the sections `first` leaves out keep their order.
    sections.sort_by_key(rank);
    sections
}

impl Site {
    /// The public URL of a site path such as `/tag/harbour/`.
    pub fn canonical(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_named_first_lead_in_that_order_and_the_rest_keep_theirs() {
        let slug = |text: &str| Slug::parse(text).unwrap();
        let section = |text: &str| TermLink {
            taxonomy: super::super::Taxonomy::Section,
            slug: slug(text),
            name: text.to_uppercase(),
        };
        let sections = ["news", "sport", "business", "culture"]
            .map(section)
            .to_vec();
        let ordered = order_sections(
            sections.clone(),
            &[slug("culture"), slug("gone"), slug("sport")],
        );
        let names: Vec<&str> = ordered
            .iter()
            .map(|section| section.slug.as_str())
            .collect();
        assert_eq!(names, ["culture", "sport", "news", "business"]);
        assert_eq!(order_sections(sections.clone(), &[]), sections);
    }

    #[test]
    fn direction_of_a_language_tag() {
        for tag in ["ar", "ar-EG", "he", "fa-IR", "ur", "AR"] {
            assert_eq!(Direction::of_language(tag), Direction::Rtl, "{tag}");
        }
        for tag in ["en", "en-GB", "fr", "arn", "", "zh-Hant"] {
            assert_eq!(Direction::of_language(tag), Direction::Ltr, "{tag}");
        }
    }

    #[test]
    fn direction_of_a_text_from_its_first_letter() {
        assert_eq!(
            Direction::of_text("سوق السمك عند الفجر"),
            Some(Direction::Rtl)
        );
        assert_eq!(Direction::of_text("«2026» שלום"), Some(Direction::Rtl));
        assert_eq!(Direction::of_text("12: Ferry سوق"), Some(Direction::Ltr));
        assert_eq!(Direction::of_text("Ελλάδα"), Some(Direction::Ltr));
        assert_eq!(Direction::of_text("2026 – !"), None);
    }
}
