//! The router's fallback: any URL the app has no page for.

use leptos::prelude::*;

use crate::ui::not_found::NotFound;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound /> }
}
