//! Text formatting for display. Dates are written in the page's language: in the browser by
//! `Intl`, and natively (prerendering) by ICU4X, from the same Unicode CLDR data, so a prerendered
//! page reads as the app would draw it.

use crate::model::Timestamp;

/// A date such as "3 November 2026", in `language`: in the browser in the reader's time zone,
/// natively in UTC (a prerendered page is the same for every reader).
pub fn long_date(time: &Timestamp, language: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    let formatted = intl_long_date(time, language);
    #[cfg(not(target_arch = "wasm32"))]
    let formatted = icu_long_date(time, language);
    formatted.unwrap_or_else(|| english_long_date(time))
}

/// A formatter for one language, and the language it was built for.
type KeptFormatter<F> = std::cell::RefCell<Option<(String, F)>>;

/// Formats with the formatter kept in `kept`, building it first when it is for another language.
/// Building one costs far more than using it (the browser's first, which loads the language's
/// data, took 72 ms on a throttled CPU); a page has one language, and the next page most likely
/// the same, so the last one is kept for every date after it.
fn with_formatter<F: 'static>(
    kept: &'static std::thread::LocalKey<KeptFormatter<F>>,
    language: &str,
    build: impl FnOnce() -> Option<F>,
    format: impl FnOnce(&F) -> Option<String>,
) -> Option<String> {
    kept.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept
            .as_ref()
            .is_none_or(|(kept_language, _)| kept_language != language)
        {
            *kept = Some((language.to_owned(), build()?));
        }
        format(&kept.as_ref()?.1)
    })
}

#[cfg(target_arch = "wasm32")]
fn intl_long_date(time: &Timestamp, language: &str) -> Option<String> {
    use js_sys::{Array, Date, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    thread_local! {
        static FORMAT: KeptFormatter<Intl::DateTimeFormat> = const { std::cell::RefCell::new(None) };
    }
    let build = || {
        let options = Object::new();
        Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
        let locales = Array::of1(&JsValue::from_str(language));
        Some(Intl::DateTimeFormat::new(&locales, &options))
    };
    with_formatter(&FORMAT, language, build, |format| {
        let date = Date::new(&JsValue::from_f64(time.unix_seconds() as f64 * 1000.0));
        format.format().call1(format, &date).ok()?.as_string()
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn icu_long_date(time: &Timestamp, language: &str) -> Option<String> {
    use icu_datetime::fieldsets::YMD;
    use icu_datetime::input::Date;
    use icu_datetime::DateTimeFormatter;
    use icu_locale_core::Locale;
    thread_local! {
        static FORMAT: KeptFormatter<DateTimeFormatter<YMD>> = const { std::cell::RefCell::new(None) };
    }
    let (year, month, day) = time.utc_date();
    let date = Date::try_new_iso(i32::try_from(year).ok()?, month as u8, day as u8).ok()?;
    let build = || {
        let locale = Locale::try_from_str(language).ok()?;
        DateTimeFormatter::try_new((&locale).into(), YMD::long()).ok()
    };
    with_formatter(&FORMAT, language, build, |format| {
        Some(format.format(&date).to_string())
    })
}

/// "3 November 2026", in UTC: for a language that neither `Intl` nor ICU4X can format.
fn english_long_date(time: &Timestamp) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month, day) = time.utc_date();
    format!("{day} {} {year}", MONTHS[(month - 1) as usize])
}

/// "1 Article", "7 Articles".
pub fn article_count(count: u32) -> String {
    if count == 1 {
        "1 Article".to_owned()
    } else {
        format!("{count} Articles")
    }
}

/// The title of a listing's own feed, such as a tag's: "Harbour — The Harbour Herald".
pub fn listing_feed_title(name: &str, site_title: &str) -> String {
    format!("{name} — {site_title}")
}

/// What the search page says, with `#` for the count and `%` for the query: the page's script
/// fills them in (islands/search.js) where the site's own index answers, and [`search_status`]
/// where the source searches.
pub mod search {
    pub const SEARCHING: &str = "Searching…";
    pub const RESULT_ONE: &str = "# result for “%”";
    pub const RESULT_OTHER: &str = "# results for “%”";
    pub const NONE: &str = "No results for “%”. Try fewer or other words.";
    pub const FAILED: &str = "Search is not available just now. Please try again later.";
}

/// The search page's status line for `count` results of `query`.
pub fn search_status(count: u32, query: &str) -> String {
    let template = match count {
        0 => search::NONE,
        1 => search::RESULT_ONE,
        _ => search::RESULT_OTHER,
    };
    template
        .replace('#', &count.to_string())
        .replace('%', query)
}

/// An article's reading time: "4 min read".
pub fn reading_time(minutes: u32) -> String {
    format!("{minutes} min read")
}

/// A listing page's title: "Harbour" on its first page, then "Harbour, page 2".
pub fn listing_page_title(name: &str, page: u32) -> String {
    match page {
        0 | 1 => name.to_owned(),
        page => format!("{name}, page {page}"),
    }
}

/// A listing's description: its own text, or `otherwise` when it has none.
pub fn description_or(text: &str, otherwise: impl FnOnce() -> String) -> String {
    match text.trim().is_empty() {
        true => otherwise(),
        false => text.to_owned(),
    }
}

/// The heading of a discussion: "1 Comment", "12 Comments", or an invitation when there are none.
pub fn comment_count(count: usize) -> String {
    match count {
        0 => "No comments yet".to_owned(),
        1 => "1 Comment".to_owned(),
        _ => format!("{count} Comments"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_status_counts_the_results_of_the_query() {
        assert_eq!(
            search_status(0, "gulls"),
            "No results for “gulls”. Try fewer or other words."
        );
        assert_eq!(search_status(1, "gulls"), "1 result for “gulls”");
        assert_eq!(search_status(12, "50% off"), "12 results for “50% off”");
    }

    #[test]
    fn native_dates_are_in_the_page_language_in_utc() {
        let time = Timestamp::parse("2026-11-03T23:30:00-02:00").unwrap();
        for (language, expected) in [
            ("en-GB", "4 November 2026"),
            ("en-US", "November 4, 2026"),
            ("fr", "4 novembre 2026"),
            ("de-AT", "4. November 2026"),
            ("ar", "4 نوفمبر 2026"),
            // Not a language tag: the plain English form.
            ("not a language!", "4 November 2026"),
        ] {
            assert_eq!(long_date(&time, language), expected, "{language}");
        }
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(article_count(0), "0 Articles");
        assert_eq!(article_count(1), "1 Article");
        assert_eq!(article_count(12), "12 Articles");
        assert_eq!(comment_count(0), "No comments yet");
        assert_eq!(comment_count(1), "1 Comment");
        assert_eq!(comment_count(5), "5 Comments");
    }
}
