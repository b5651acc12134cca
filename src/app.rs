//! The root component: meta context, router (with the base path) and the routes.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::{
    chapter::ChapterPage,
    diagram::DiagramPage,
    home::HomePage,
    not_found::NotFoundPage,
    progress::ProgressPage,
    quiz::{QuizHubPage, QuizPage},
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
                    <Route path=path!("/progress") view=ProgressPage />
                    <Route path=path!("/diagram") view=DiagramPage />
                    <Route path=path!("/quiz") view=QuizHubPage />
                    <Route path=path!("/quiz/:key") view=QuizPage />
                </Routes>
            </Layout>
        </Router>
    }
}
