//! What the app shares between pages: the data source, the site, and how many requests are
//! under way (for the progress bar).

use crate::model::Site;
use crate::source::{
    DataSource, HttpRequest, HttpResponse, SharedTransport, Transport, TransportError,
};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::sync::Arc;

/// The number of data requests under way.
#[derive(Clone, Default)]
pub struct Loading(ArcRwSignal<u32>);

impl Loading {
    pub fn is_loading(&self) -> bool {
        self.0.get() > 0
    }
}

/// Counts requests in [`Loading`] while they are under way; the count drops when a request ends
/// or is abandoned.
pub struct TrackedTransport {
    inner: SharedTransport,
    loading: Loading,
}

impl TrackedTransport {
    /// Wraps `inner`, counting its requests in `loading`.
    pub fn shared(inner: SharedTransport, loading: Loading) -> SharedTransport {
        Arc::new(Self { inner, loading })
    }
}

struct InFlight(ArcRwSignal<u32>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.update(|count| *count = count.saturating_sub(1));
    }
}

impl Transport for TrackedTransport {
    fn send<'a>(
        &'a self,
        request: HttpRequest<'a>,
        timeout_ms: u32,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            self.loading.0.update(|count| *count += 1);
            let _in_flight = InFlight(self.loading.0.clone());
            self.inner.send(request, timeout_ms).await
        })
    }
}

/// The data source every page asks, provided as context.
#[derive(Clone)]
pub struct AppSource(Arc<DataSource>);

impl AppSource {
    pub fn new(source: DataSource) -> Self {
        Self(Arc::new(source))
    }
}

impl std::ops::Deref for AppSource {
    type Target = DataSource;

    fn deref(&self) -> &DataSource {
        &self.0
    }
}

/// The site (title, tagline, language), as last loaded with a page: the masthead and footer show
/// it. Pages load it with their own data (the source keeps it in memory), so the masthead needs no
/// loading machinery of its own.
#[derive(Clone, Copy, Default)]
pub struct CurrentSite(pub RwSignal<Option<Site>>);

/// The deploy's base path (`""` at the domain root, `"/news"` under a sub-path), provided by the app.
#[derive(Clone, Debug, Default)]
pub struct BasePath(pub String);

/// The `href` of a site path such as `/tag/harbour/`: the router matches routes below its base,
/// but leaves absolute links as they are, so links must carry the base themselves.
pub fn site_href(path: &str) -> String {
    let base = use_context::<BasePath>().unwrap_or_default();
    format!("{}{path}", base.0)
}
