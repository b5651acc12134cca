//! "Move your progress to another browser": export as a file, import with a preview, undo.

use leptos::prelude::*;

use crate::words::count;
use wasm_bindgen::JsCast;

use super::{describe, diagram_counts, known_ids};
use crate::progress::codec::{self, DecodeError, Decoded, MAX_BYTES};
use crate::progress::model::Progress;
use crate::progress::store::{use_progress, use_progress_store};
use crate::quiz::QUESTIONS;

/// What an import is doing.
#[derive(Debug, Clone, PartialEq)]
enum ImportState {
    Idle,
    /// The file was read and is valid: waiting for the reader to confirm.
    Preview(Progress),
    /// The file was refused; the message says why. Progress is unchanged.
    Refused(String),
    /// Imported; the previous progress can be restored.
    Imported {
        previous: Progress,
    },
    Undone,
}

impl ImportState {
    /// A file over [`MAX_BYTES`], refused before a byte is read.
    fn too_large(name: &str, size: usize) -> Self {
        ImportState::Refused(format!(
            "“{name}” can't be imported: {}. Your progress is unchanged.",
            DecodeError::TooLarge(size).describe()
        ))
    }

    /// What the file `name` holds (`None`: it could not be read as text).
    fn judge(name: &str, text: Option<&str>) -> Self {
        match text.map(|text| codec::decode(text, QUESTIONS)) {
            Some(Decoded::Valid(p) | Decoded::Repaired(p)) => ImportState::Preview(p),
            Some(Decoded::Newer(_)) => ImportState::Refused(format!(
                "“{name}” was made by a newer version of the guide: reload the page to update, then import it. Your progress is unchanged."
            )),
            Some(Decoded::Unreadable(e)) => ImportState::Refused(format!(
                "“{name}” can't be imported: {}. Your progress is unchanged.",
                e.describe()
            )),
            None => ImportState::Refused(format!(
                "“{name}” could not be read. Your progress is unchanged."
            )),
        }
    }
}

#[component]
pub fn ExportImport() -> impl IntoView {
    let (import, set_import) = signal(ImportState::Idle);
    view! {
        <p>
            "Export your progress as a file, then import it in another browser or on another device. Importing replaces the progress in that browser; you can undo it."
        </p>
        <div class="export-import">
            <ExportButton />
            <ImportField set_import />
        </div>
        <div class="import-status" aria-live="polite">
            <ImportStatus import set_import />
        </div>
    }
}

/// "Export progress", then a "Download … again" link to the same file.
#[component]
fn ExportButton() -> impl IntoView {
    let progress = use_progress();
    let (export, set_export) = signal(None::<(String, String)>);
    let on_export = move |_| {
        let text = progress.with_untracked(codec::encode);
        match download(&text) {
            Ok(link) => {
                if let Some((old, _)) = export.get_untracked() {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
                set_export.set(Some(link));
            }
            Err(()) => set_export.set(None),
        }
    };
    view! {
        <button type="button" class="button export-button" on:click=on_export>
            "Export progress"
        </button>
        {move || {
            export
                .get()
                .map(|(url, name)| {
                    view! {
                        <a class="export-link" href=url download=name.clone()>
                            {format!("Download {name} again")}
                        </a>
                    }
                })
        }}
    }
}

/// "Import from file…": a button like "Export progress" that opens the file input (kept out of
/// sight and out of the tab order: the button is the one control, for the keyboard and screen
/// readers alike); a chosen file is read and judged (preview or refusal).
#[component]
fn ImportField(set_import: WriteSignal<ImportState>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        // Refused before a byte is read: a file this large is not progress from this guide.
        if file.size() > MAX_BYTES as f64 {
            set_import.set(ImportState::too_large(&file.name(), file.size() as usize));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            set_import.set(ImportState::judge(&file.name(), text.as_deref()));
        });
    };
    let choose = move |_| {
        if let Some(input) = input.get_untracked() {
            input.click();
        }
    };
    view! {
        <div class="import-field">
            <button type="button" class="button import-button" on:click=choose>
                "Import from file…"
            </button>
            <input
                id="import-file"
                class="visually-hidden"
                type="file"
                accept=".json,application/json"
                tabindex="-1"
                aria-hidden="true"
                node_ref=input
                on:change=on_file
            />
        </div>
    }
}

/// Where the import stands: nothing, a refusal, a preview to confirm, done (with undo).
#[component]
fn ImportStatus(
    import: ReadSignal<ImportState>,
    set_import: WriteSignal<ImportState>,
) -> impl IntoView {
    move || match import.get() {
        ImportState::Idle => ().into_any(),
        ImportState::Refused(message) => {
            view! { <p class="import-error" role="alert">{message}</p> }.into_any()
        }
        ImportState::Preview(imported) => {
            view! { <ImportPreview imported set_import /> }.into_any()
        }
        ImportState::Imported { previous } => {
            view! { <ImportDone previous set_import /> }.into_any()
        }
        ImportState::Undone => {
            view! { <p class="import-done">"Import undone: your earlier progress is back."</p> }
                .into_any()
        }
    }
}

/// What the file holds beside what would be replaced; confirm or cancel.
#[component]
fn ImportPreview(imported: Progress, set_import: WriteSignal<ImportState>) -> impl IntoView {
    let store = use_progress_store();
    let known = known_ids();
    let theirs = imported.completion(&known);
    let mine = use_progress().with_untracked(|p| p.completion(&known));
    let scores = imported.quiz.best_scores.len();
    let (explored, _) = diagram_counts(&imported);
    let apply = move |_| {
        let previous = store.replace_with(&imported);
        set_import.set(ImportState::Imported { previous });
    };
    view! {
        <div class="import-preview">
            <p>
                <strong>"This file holds: "</strong>
                {format!(
                    "{}; {}; {} explored.",
                    describe(theirs),
                    count(scores, "quiz result", "quiz results"),
                    count(explored, "diagram part", "diagram parts"),
                )}
            </p>
            <p>
                {format!(
                    "Importing replaces your progress in this browser ({}).",
                    describe(mine)
                )}
            </p>
            <button type="button" class="button button--primary import-confirm" on:click=apply>
                "Replace my progress with this file"
            </button>
            <button type="button" class="button" on:click=move |_| set_import.set(ImportState::Idle)>
                "Cancel"
            </button>
        </div>
    }
}

/// "Progress imported", with the way back.
#[component]
fn ImportDone(previous: Progress, set_import: WriteSignal<ImportState>) -> impl IntoView {
    let store = use_progress_store();
    let undo = move |_| {
        store.replace_with(&previous);
        set_import.set(ImportState::Undone);
    };
    view! {
        <p class="import-done">
            "Progress imported. "
            <button type="button" class="button import-undo" on:click=undo>
                "Undo import"
            </button>
        </p>
    }
}

/// Offers `text` as a file download; returns the object URL and file name, kept for a
/// visible "download again" link.
fn download(text: &str) -> Result<(String, String), ()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let date = js_sys::Date::new_0();
    let name = format!(
        "backend-guide-progress-{:04}-{:02}-{:02}.json",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    );
    let anchor = document()
        .create_element("a")
        .map_err(|_| ())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| ())?;
    anchor.set_href(&url);
    anchor.set_download(&name);
    anchor.click();
    Ok((url, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(state: ImportState) -> String {
        match state {
            ImportState::Refused(message) => message,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_file_of_this_guide_is_previewed() {
        let mut progress = Progress::default();
        progress.explore_node("browser");
        let text = codec::encode(&progress);
        assert_eq!(
            ImportState::judge("p.json", Some(&text)),
            ImportState::Preview(progress)
        );
    }

    #[test]
    fn refusals_name_the_file_and_keep_the_progress() {
        let newer = r#"{"format":"backend-guide/progress","version":999,"progress":{}}"#;
        for (text, says) in [
            (Some("not json"), "can't be imported"),
            (Some(newer), "newer version"),
            (None, "could not be read"),
        ] {
            let message = refusal(ImportState::judge("p.json", text));
            assert!(message.starts_with("“p.json”"), "{message}");
            assert!(message.contains(says), "{message}");
            assert!(
                message.ends_with("Your progress is unchanged."),
                "{message}"
            );
        }
        let message = refusal(ImportState::too_large("big.json", MAX_BYTES + 1));
        assert!(
            message.starts_with("“big.json” can't be imported"),
            "{message}"
        );
    }
}
