//! Text formatting for display. In the browser dates go through `Intl`, which knows every
//! language's conventions; natively (prerendering, tests) a plain English form stands in.

use crate::model::Timestamp;

/// A date such as "3 November 2026", in `language`, in the reader's time zone.
pub fn long_date(time: &Timestamp, language: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(formatted) = intl_long_date(time, language) {
        return formatted;
    }
    let _ = language;
    english_long_date(time)
}

#[cfg(target_arch = "wasm32")]
fn intl_long_date(time: &Timestamp, language: &str) -> Option<String> {
    use js_sys::{Array, Date, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;
    thread_local! {
        // Building a formatter costs far more than using one (the first, which loads the
        // language's data, took 72 ms on a throttled CPU); a page has one language, so the last
        // formatter is kept for every date after it.
        static FORMAT: std::cell::RefCell<Option<(String, Intl::DateTimeFormat)>> =
            const { std::cell::RefCell::new(None) };
    }
    FORMAT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept
            .as_ref()
            .is_none_or(|(kept_language, _)| kept_language != language)
        {
            let options = Object::new();
            Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
            let locales = Array::of1(&JsValue::from_str(language));
            *kept = Some((
                language.to_owned(),
                Intl::DateTimeFormat::new(&locales, &options),
            ));
        }
        let (_, format) = kept.as_ref()?;
        let date = Date::new(&JsValue::from_f64(time.unix_seconds() as f64 * 1000.0));
        format.format().call1(format, &date).ok()?.as_string()
    })
}

/// The date as prerendered pages show it: "3 November 2026", in UTC.
pub fn english_long_date(time: &Timestamp) -> String {
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
    fn native_dates_are_plain_english_in_utc() {
        let time = Timestamp::parse("2026-11-03T23:30:00-02:00").unwrap();
        assert_eq!(long_date(&time, "en-GB"), "4 November 2026");
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
