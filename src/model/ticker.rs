use super::Slug;

/// Where a ticker headline leads.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadlineLink {
    Article(Slug),
    /// An absolute `http:` or `https:` URL elsewhere.
    External(String),
}

/// One headline of the news ticker.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub title: String,
    pub link: HeadlineLink,
}

impl Headline {
    /// Where the headline leads: the article's path under `site_prefix` (the site's base path,
    /// such as `""` or `"/news"`, or its absolute address without the final `/`), or the
    /// external URL.
    pub fn href(&self, site_prefix: &str) -> String {
        match &self.link {
            HeadlineLink::Article(slug) => {
                format!(
                    "{site_prefix}{}",
                    super::Route::Article(slug.clone()).path()
                )
            }
            HeadlineLink::External(url) => url.clone(),
        }
    }
}

/// Which way the headlines move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TickerDirection {
    /// Towards the start of the line: leftwards on left-to-right pages, rightwards on
    /// right-to-left ones, so that the next headline comes in from where reading continues.
    #[default]
    Auto,
    Left,
    Right,
}

/// The ticker's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TickerTheme {
    /// The reader's colour scheme (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

/// The settings with a few named values: their names in `config.json`, embeds and markup.
const DIRECTIONS: &[(&str, TickerDirection)] = &[
    ("auto", TickerDirection::Auto),
    ("left", TickerDirection::Left),
    ("right", TickerDirection::Right),
];
const THEMES: &[(&str, TickerTheme)] = &[
    ("auto", TickerTheme::Auto),
    ("light", TickerTheme::Light),
    ("dark", TickerTheme::Dark),
];

impl TickerDirection {
    /// The name in settings, also the ticker's `data-move` attribute.
    pub fn name(self) -> &'static str {
        name_of(self, DIRECTIONS)
    }
}

impl TickerTheme {
    /// The name in settings, also the ticker's `data-theme` attribute.
    pub fn name(self) -> &'static str {
        name_of(self, THEMES)
    }
}

fn name_of<T: Copy + PartialEq>(value: T, names: &[(&'static str, T)]) -> &'static str {
    names
        .iter()
        .find(|(_, named)| *named == value)
        .map_or("auto", |(name, _)| name)
}

/// The value `text` names among `names`, or an error naming `setting` and its choices.
fn named<T: Copy>(setting: &str, text: &str, names: &[(&str, T)]) -> Result<T, String> {
    names
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let mut quoted: Vec<_> = names
                .iter()
                .map(|(name, _)| format!("\"{name}\""))
                .collect();
            let last = quoted.pop().unwrap_or_default();
            format!(
                "{setting} is {text:?}; it must be {} or {last}",
                quoted.join(", ")
            )
        })
}

/// How the ticker looks and behaves: from `config.json`'s `ticker` object for the site, and
/// from the query string (iframe) or attributes (script) of an embed.
#[derive(Debug, Clone, PartialEq)]
pub struct TickerSettings {
    /// Pixels per second, the same whatever the number or length of the headlines.
    pub speed: u32,
    pub direction: TickerDirection,
    /// Seconds between re-fetches of the headlines while the ticker is on screen.
    pub refresh_seconds: u32,
    /// How many headlines to show at most.
    pub items: u32,
    /// The name of the ticker's region, shown before the headlines: the site owner's, or else
    /// the interface's own (`ticker_label` in the translations).
    pub label: Option<String>,
    pub theme: TickerTheme,
}

impl Default for TickerSettings {
    fn default() -> Self {
        Self {
            speed: 60,
            direction: TickerDirection::Auto,
            refresh_seconds: 300,
            items: 10,
            label: None,
            theme: TickerTheme::Auto,
        }
    }
}

impl TickerSettings {
    const SPEED_RANGE: std::ops::RangeInclusive<u32> = 10..=400;
    const REFRESH_RANGE: std::ops::RangeInclusive<u32> = 2..=86_400;
    const ITEMS_RANGE: std::ops::RangeInclusive<u32> = 1..=50;
    const LABEL_MAX_CHARS: usize = 60;
    /// The settings' names, as `config.json` and the embeds' attributes and query strings spell
    /// them.
    pub const NAMES: [&'static str; 6] = [
        "speed",
        "direction",
        "refresh_seconds",
        "items",
        "label",
        "theme",
    ];

    /// These settings with one of them changed, from its name and text; the error names the
    /// setting and what it accepts. Unknown names are errors too, so that a typo is noticed.
    pub fn with(mut self, name: &str, value: &str) -> Result<Self, String> {
        let number = |range: std::ops::RangeInclusive<u32>| {
            value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|number| range.contains(number))
                .ok_or_else(|| {
                    format!(
                        "{name} is {value:?}; it must be a whole number from {} to {}",
                        range.start(),
                        range.end()
                    )
                })
        };
        match name {
            "speed" => self.speed = number(Self::SPEED_RANGE)?,
            "refresh_seconds" => self.refresh_seconds = number(Self::REFRESH_RANGE)?,
            "items" => self.items = number(Self::ITEMS_RANGE)?,
            "direction" => self.direction = named(name, value, DIRECTIONS)?,
            "theme" => self.theme = named(name, value, THEMES)?,
            "label" => {
                let label = value.trim();
                if label.is_empty() || label.chars().count() > Self::LABEL_MAX_CHARS {
                    return Err(format!(
                        "label must have 1 to {} characters",
                        Self::LABEL_MAX_CHARS
                    ));
                }
                self.label = Some(label.to_owned());
            }
            other => {
                return Err(format!(
                    "{other} is not a ticker setting; the settings are speed, direction, \
                     refresh_seconds, items, label and theme"
                ))
            }
        }
        Ok(self)
    }

    /// These settings overridden by `name=value` pairs, such as an embed's query string.
    pub fn with_all<'a>(
        self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, String> {
        pairs
            .into_iter()
            .try_fold(self, |settings, (name, value)| settings.with(name, value))
    }
}

/// The `name=value` pairs of a query string such as `?speed=80&label=Latest%20news`, decoded as
/// a form's (`+` is a space).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .into_owned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_a_query_string() {
        let pairs = query_pairs("?speed=90&items=5&direction=right&theme=dark&label=Latest+%E2%80%94+now&refresh_seconds=30");
        let settings = TickerSettings::default()
            .with_all(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
            .unwrap();
        assert_eq!(
            settings,
            TickerSettings {
                speed: 90,
                direction: TickerDirection::Right,
                refresh_seconds: 30,
                items: 5,
                label: Some("Latest — now".into()),
                theme: TickerTheme::Dark,
            }
        );
    }

    #[test]
    fn each_bad_setting_is_named() {
        let cases = [
            ("speed", "0", "speed is \"0\""),
            ("speed", "fast", "whole number from 10 to 400"),
            ("items", "51", "items is \"51\""),
            ("refresh_seconds", "1", "refresh_seconds"),
            ("direction", "up", "\"auto\", \"left\" or \"right\""),
            ("theme", "blue", "theme is \"blue\""),
            ("label", "  ", "label must have 1 to 60"),
            ("sped", "3", "sped is not a ticker setting"),
        ];
        for (name, value, expected) in cases {
            let error = TickerSettings::default().with(name, value).unwrap_err();
            assert!(error.contains(expected), "{name}={value}: {error}");
        }
    }

    #[test]
    fn headlines_lead_under_the_site_or_elsewhere() {
        let article = Headline {
            title: "Ferry".into(),
            link: HeadlineLink::Article(Slug::parse("ferry").unwrap()),
        };
        assert_eq!(article.href("/news"), "/news/ferry/");
        assert_eq!(
            article.href("https://herald.example"),
            "https://herald.example/ferry/"
        );
        let external = Headline {
            title: "Gale".into(),
            link: HeadlineLink::External("https://weather.example/".into()),
        };
        assert_eq!(external.href("/news"), "https://weather.example/");
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(
            query_pairs("label=100%&x"),
            vec![("label".into(), "100%".into()), ("x".into(), "".into())]
        );
    }
}
