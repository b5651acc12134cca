//! The root component: meta context, router (with the base path) and the routes. The quiz,
//! diagram and progress pages come from their own wasm chunks (`chunks`).

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::chunks::{LazyDiagramPage, LazyProgressPage, LazyQuizHubPage, LazyQuizPage};
use crate::pages::{
    chapter::ChapterPage, glossary::GlossaryPage, home::HomePage, not_found::NotFoundPage,
};
use crate::progress::store::ProgressStore;
use crate::routes::router_base;
use crate::ui::layout::Layout;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::theme::apply(crate::theme::load());
    ProgressStore::provide();
    view! {
        <Router base=router_base()>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/chapters/:id") view=ChapterPage />
                    <Route path=path!("/progress") view=LazyProgressPage />
                    <Route path=path!("/diagram") view=LazyDiagramPage />
                    <Route path=path!("/glossary") view=GlossaryPage />
                    <Route path=path!("/quiz") view=LazyQuizHubPage />
                    <Route path=path!("/quiz/:key") view=LazyQuizPage />
                </Routes>
            </Layout>
        </Router>
    }
}
