//! Route parameters, checked once here so that pages receive domain values.

use crate::error::DataError;
use crate::model::Slug;
use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

#[derive(Params, Clone, PartialEq, Debug)]
struct RouteParams {
    slug: Option<String>,
    page: Option<String>,
}

/// The `:slug` and `:page` of the current route. A page that is not a positive number, or a slug
/// that is not a slug, is "not found", like any other address that names nothing.
#[derive(Clone, PartialEq, Debug)]
pub struct Target {
    pub slug: Result<Slug, DataError>,
    pub page: Result<u32, DataError>,
}

pub fn use_target() -> Memo<Target> {
    let params = use_params::<RouteParams>();
    Memo::new(move |_| {
        let params = params.read();
        let params = params.as_ref().ok();
        let slug = params.and_then(|p| p.slug.as_deref()).unwrap_or_default();
        let page = params.and_then(|p| p.page.as_deref());
        Target {
            slug: parse_slug(slug),
            page: parse_page(page),
        }
    })
}

fn parse_slug(text: &str) -> Result<Slug, DataError> {
    Slug::parse(text).map_err(|_| DataError::not_found(format!("the page {text:?}")))
}

fn parse_page(text: Option<&str>) -> Result<u32, DataError> {
    match text {
        None => Ok(1),
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|page| *page >= 1)
            .ok_or_else(|| DataError::not_found(format!("page {text:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_positive_numbers() {
        assert_eq!(parse_page(None), Ok(1));
        assert_eq!(parse_page(Some("3")), Ok(3));
        for bad in ["0", "-1", "two", "", "1.5", "99999999999"] {
            assert!(
                matches!(parse_page(Some(bad)), Err(DataError::NotFound { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn slugs_that_are_not_slugs_are_not_found() {
        assert!(parse_slug("harbour").is_ok());
        assert!(matches!(
            parse_slug("a.json"),
            Err(DataError::NotFound { .. })
        ));
    }
}
