use crate::config::ConfigError;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown instead of the site when `config.json` is missing or wrong, naming the problem and the
/// fix, so a site owner is never left with a blank page.
#[component]
pub fn ConfigErrorPage(
    /// What is wrong.
    error: ConfigError,
    /// Loads `config.json` again.
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    let example = r#"{"source": {"kind": "static", "url": "data/"}}"#;
    view! {
        <Title text="This site is not set up correctly"/>
        <main id="main" class="config-error" role="alert" aria-labelledby="config-error-heading">
            <h1 id="config-error-heading">"This site is not set up correctly"</h1>
            <p class="error-detail">{error.to_string()}</p>
            <p>
                "The file " <code>"config.json"</code> " in the site’s root folder tells Broadsheet where its news comes from. "
                "For the news files shipped with the site it reads:"
            </p>
            <pre><code>{example}</code></pre>
            <p>"If you are a reader, the site’s owner needs to fix this; please try again later."</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>"Retry"</button>
        </main>
    }
}
