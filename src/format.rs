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

/// The title of a listing's own feed, such as a tag's: "Harbour — The Harbour Herald".
pub fn listing_feed_title(name: &str, site_title: &str) -> String {
    format!("{name} — {site_title}")
}

/// A listing's description: its own text, or `otherwise` when it has none.
pub fn description_or(text: &str, otherwise: impl FnOnce() -> String) -> String {
    match text.trim().is_empty() {
        true => otherwise(),
        false => text.to_owned(),
    }
}

/// The CLDR plural category ("zero", "one", "two", "few", "many" or "other") of `count` in
/// `language`: in the browser by `Intl.PluralRules`, natively by ICU4X. "other" for a language
/// neither knows.
pub fn plural_category(count: u64, language: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    let category = intl_plural_category(count, language);
    #[cfg(not(target_arch = "wasm32"))]
    let category = icu_plural_category(count, language);
    category.unwrap_or_else(|| "other".to_owned())
}

/// `count` in `language`'s digits and grouping ("1,354", "۱٬۳۵۴"): in the browser by
/// `Intl.NumberFormat`, natively by ICU4X.
pub fn number(count: u64, language: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    let formatted = intl_number(count, language);
    #[cfg(not(target_arch = "wasm32"))]
    let formatted = icu_number(count, language);
    formatted.unwrap_or_else(|| count.to_string())
}

#[cfg(target_arch = "wasm32")]
fn intl_plural_category(count: u64, language: &str) -> Option<String> {
    use js_sys::{Array, Intl, Object};
    use wasm_bindgen::JsValue;
    thread_local! {
        static RULES: KeptFormatter<Intl::PluralRules> = const { std::cell::RefCell::new(None) };
    }
    let build = || {
        let locales = Array::of1(&JsValue::from_str(language));
        Some(Intl::PluralRules::new(&locales, &Object::new()))
    };
    with_formatter(&RULES, language, build, |rules| {
        rules.select(count as f64).as_string()
    })
}

#[cfg(target_arch = "wasm32")]
fn intl_number(count: u64, language: &str) -> Option<String> {
    use js_sys::{Array, Intl, Object};
    use wasm_bindgen::JsValue;
    thread_local! {
        static FORMAT: KeptFormatter<Intl::NumberFormat> = const { std::cell::RefCell::new(None) };
    }
    let build = || {
        let locales = Array::of1(&JsValue::from_str(language));
        Some(Intl::NumberFormat::new(&locales, &Object::new()))
    };
    with_formatter(&FORMAT, language, build, |format| {
        format
            .format()
            .call1(format, &JsValue::from_f64(count as f64))
            .ok()?
            .as_string()
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn icu_plural_category(count: u64, language: &str) -> Option<String> {
    use icu_locale_core::Locale;
    use icu_plurals::{PluralCategory, PluralRules};
    thread_local! {
        static RULES: KeptFormatter<PluralRules> = const { std::cell::RefCell::new(None) };
    }
    let build = || {
        let locale = Locale::try_from_str(language).ok()?;
        PluralRules::try_new_cardinal((&locale).into()).ok()
    };
    with_formatter(&RULES, language, build, |rules| {
        let category = match rules.category_for(count) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        };
        Some(category.to_owned())
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn icu_number(count: u64, language: &str) -> Option<String> {
    use icu_decimal::input::Decimal;
    use icu_decimal::DecimalFormatter;
    use icu_locale_core::Locale;
    thread_local! {
        static FORMAT: KeptFormatter<DecimalFormatter> = const { std::cell::RefCell::new(None) };
    }
    let build = || {
        let locale = Locale::try_from_str(language).ok()?;
        DecimalFormatter::try_new((&locale).into(), Default::default()).ok()
    };
    with_formatter(&FORMAT, language, build, |format| {
        Some(format.format_to_string(&Decimal::from(count)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn native_numbers_and_plural_categories_follow_the_language() {
        for (language, expected) in [
            ("en", "1,354"),
            ("fa", "۱٬۳۵۴"),
            ("de", "1.354"),
            ("ar-EG", "١٬٣٥٤"),
        ] {
            assert_eq!(number(1354, language), expected, "{language}");
        }
        let arabic = [0, 1, 2, 3, 11, 100].map(|count| plural_category(count, "ar"));
        assert_eq!(arabic, ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(plural_category(1, "not a language!"), "other");
    }
}
