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
}

impl Site {
    /// The public URL of a site path such as `/tag/harbour/`.
    pub fn canonical(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}
