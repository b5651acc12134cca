//! The quiz routes: `/quiz` (every quiz, the review queue, an unfinished attempt) and
//! `/quiz/<key>` (start card → questions with feedback → results). The views are in
//! `quiz::view`; the attempt lives in the progress store.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::quiz::engine::Scope;
use crate::quiz::view::hub::QuizHub;
use crate::quiz::view::QuizView;
use crate::quiz::{quiz_name, scope_of};
use crate::ui::not_found::NotFound;
use crate::ui::page_meta::PageMeta;
use crate::SITE_NAME;

#[component]
pub fn QuizHubPage() -> impl IntoView {
    view! {
        <PageMeta
            title=Some("Quiz yourself".to_string())
            description="Check what you learned about backend development: a quiz for each chapter and for the whole guide, with an explanation for every answer and missed questions brought back for review.".to_string()
        />
        <QuizHub />
    }
}

#[component]
pub fn QuizPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let key = params.with(|p| p.get("key").unwrap_or_default());
        match scope_of(&key) {
            Some(scope) => {
                view! { <QuizPageMeta scope=scope.clone() /> <QuizView scope /> }.into_any()
            }
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

/// The title and description of a quiz's page.
#[component]
fn QuizPageMeta(scope: Scope) -> impl IntoView {
    let name = quiz_name(scope.key());
    let description = match &scope {
        Scope::Chapter(_) => format!("Quiz yourself on the chapter “{name}” of {SITE_NAME}, with an explanation for every answer."),
        _ => format!("{name}: a quiz from {SITE_NAME}, with an explanation for every answer."),
    };
    view! { <PageMeta title=Some(format!("Quiz: {name}")) description /> }
}
