use crate::config::ConfigError;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown instead of the site when `config.json` is missing or wrong, naming the problem and the
/// fix, so a site owner is never left with a blank page: in the site's language as the app's
/// shell names it, since the file that names the source is what failed.
#[component]
pub fn ConfigErrorPage(
    /// What is wrong.
    error: ConfigError,
    /// Loads `config.json` again.
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    let example = r#"{"source": {"kind": "static", "url": "data/"}}"#;
    let strings = crate::i18n::use_strings();
    let (before_file, after_file) = crate::i18n::around(&strings.config_error_file, "file");
    view! {
        <Title text=strings.config_error_title.clone()/>
        <main id="main" class="config-error" role="alert" aria-labelledby="config-error-heading">
            <h1 id="config-error-heading">{strings.config_error_title.clone()}</h1>
            <p class="error-detail">{error.to_string()}</p>
            <p>{before_file.to_owned()} <code>"config.json"</code> {after_file.to_owned()}</p>
            <pre><code>{example}</code></pre>
            <p>{strings.config_error_reader.clone()}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {strings.retry.clone()}
            </button>
        </main>
    }
}
