//! Which mode a render is in, the one place views ask: prerendering a page natively, hydrating
//! an island over a prerendered page, or drawing in the browser. What a view does first depends
//! on it: with the data at hand (prerendering, an island hydrating from the answers embedded in
//! its page) it draws its data in its first pass, as the page has it; otherwise it loads it after
//! mounting, in effects. Hydrating, it keeps the text the page was drawn with.

use leptos::prelude::*;

/// The mode of the view being drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderMode {
    /// Natively, to HTML: the page's data is read from disk.
    Prerendering,
    /// In the browser, over a prerendered page's HTML, from the answers it carries.
    Hydrating,
    /// In the browser, from nothing: the data comes over the network.
    Drawing,
}

impl RenderMode {
    /// The mode of the view being drawn now.
    pub fn current() -> Self {
        if Owner::current_shared_context().is_some_and(|context| context.during_hydration()) {
            Self::Hydrating
        } else if DataAtHand::in_context() {
            Self::Prerendering
        } else {
            Self::Drawing
        }
    }

    /// Whether the view's data is at hand, so that it draws it in its first pass.
    pub fn has_data_at_hand(self) -> bool {
        self != Self::Drawing
    }

    /// Whether the view matches what the page already shows rather than working it out again.
    pub fn is_hydrating(self) -> bool {
        self == Self::Hydrating
    }
}

/// Provided by the prerenderer: its views draw natively, with the pages' data read from disk.
#[derive(Clone, Copy, Default)]
pub struct DataAtHand(pub bool);

impl DataAtHand {
    fn in_context() -> bool {
        use_context::<Self>().is_some_and(|DataAtHand(at_hand)| at_hand)
    }
}
