//! The app's pages and their URLs. Every in-app link is built here, so the base path
//! (e.g. `/backend-guide` on GitHub Pages) is applied in one place.
//!
//! leptos_router's `<A href="/x">` does not add the router's base, so views use plain `<a>`
//! elements with [`href`]; the router still intercepts their clicks for client-side navigation.

use std::cell::OnceCell;

/// A place in the app a link can point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    Home,
    Progress,
    Diagram,
    /// Every term of the guide, A–Z (an anchor per term: its id).
    Glossary,
    /// Every quiz.
    QuizHub,
    /// One quiz: `guide`, a chapter id, `review` or `retry` (see `quiz::engine::Scope`).
    Quiz {
        key: &'a str,
    },
    Chapter {
        id: &'a str,
        section: Option<&'a str>,
    },
}

impl Page<'_> {
    /// The path below the base, always starting with `/`.
    pub fn path(&self) -> String {
        match self {
            Page::Home => "/".to_string(),
            Page::Progress => "/progress".to_string(),
            Page::Diagram => "/diagram".to_string(),
            Page::Glossary => "/glossary".to_string(),
            Page::QuizHub => "/quiz".to_string(),
            Page::Quiz { key } => format!("/quiz/{key}"),
            Page::Chapter { id, section: None } => format!("/chapters/{id}"),
            Page::Chapter {
                id,
                section: Some(section),
            } => format!("/chapters/{id}#{section}"),
        }
    }
}

/// Turns a document base URL path (`/backend-guide/`, `/`) into the router base
/// (`/backend-guide`, empty for the site root).
pub fn router_base_from(base_path: &str) -> String {
    base_path.trim_end_matches('/').to_string()
}

/// Joins the router base and an app path: (`/backend-guide`, `/chapters/x`) → `/backend-guide/chapters/x`.
pub fn with_base(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// Every page with a URL of its own, the one list the prerenderer writes out and the tests
/// visit: home, each chapter, the diagram, the glossary, the quiz hub, every quiz (the whole guide, review,
/// retry, each chapter's), the progress page. The router (`app.rs`) answers each of them.
pub fn every_page() -> Vec<Page<'static>> {
    let chapters = crate::content::chapters();
    let mut pages = vec![Page::Home];
    pages.extend(chapters.iter().map(|c| Page::Chapter {
        id: c.id,
        section: None,
    }));
    pages.extend([Page::Diagram, Page::Glossary, Page::QuizHub]);
    pages.extend(
        guide_content::RESERVED_QUIZ_KEYS
            .iter()
            .chain(chapters.iter().map(|c| &c.id))
            .map(|key| Page::Quiz { key }),
    );
    pages.push(Page::Progress);
    pages
}

thread_local! {
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

/// Sets the router base from the site's public URL (`/backend-guide/`) where there is no
/// document to read it from: the prerenderer calls this before rendering anything.
pub fn set_base_path(base_path: &str) {
    BASE.with(|cell| {
        let _ = cell.set(router_base_from(base_path));
    });
}

/// The router base, read once from `document.baseURI` (which Trunk's `public_url` sets
/// through `<base href>`), or set by [`set_base_path`]. Empty outside a browser.
pub fn router_base() -> String {
    BASE.with(|cell| {
        cell.get_or_init(|| {
            if crate::PRERENDERING {
                return String::new();
            }
            let base_uri = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten());
            let path = base_uri
                .as_deref()
                .and_then(|uri| web_sys::Url::new(uri).ok())
                .map(|url| url.pathname())
                .unwrap_or_default();
            router_base_from(&path)
        })
        .clone()
    })
}

/// The `href` of a page, with the base path applied.
pub fn href(page: Page<'_>) -> String {
    with_base(&router_base(), &page.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_stable_paths() {
        assert_eq!(Page::Home.path(), "/");
        assert_eq!(Page::Progress.path(), "/progress");
        assert_eq!(Page::Diagram.path(), "/diagram");
        assert_eq!(Page::Glossary.path(), "/glossary");
        assert_eq!(Page::QuizHub.path(), "/quiz");
        assert_eq!(Page::Quiz { key: "databases" }.path(), "/quiz/databases");
        assert_eq!(
            Page::Chapter {
                id: "databases",
                section: None
            }
            .path(),
            "/chapters/databases"
        );
        assert_eq!(
            Page::Chapter {
                id: "databases",
                section: Some("when-to-pick-which")
            }
            .path(),
            "/chapters/databases#when-to-pick-which"
        );
    }

    #[test]
    fn the_base_path_prefixes_every_link() {
        let base = router_base_from("/backend-guide/");
        assert_eq!(base, "/backend-guide");
        assert_eq!(with_base(&base, "/"), "/backend-guide/");
        assert_eq!(
            with_base(&base, "/chapters/career"),
            "/backend-guide/chapters/career"
        );
    }

    #[test]
    fn every_page_is_listed_once_with_every_chapter_and_quiz() {
        let pages = every_page();
        let paths: std::collections::HashSet<String> = pages.iter().map(Page::path).collect();
        assert_eq!(paths.len(), pages.len(), "a page is listed twice");
        for chapter in crate::content::chapters() {
            assert!(paths.contains(&format!("/chapters/{}", chapter.id)));
            assert!(paths.contains(&format!("/quiz/{}", chapter.id)));
        }
        for path in [
            "/",
            "/diagram",
            "/glossary",
            "/quiz",
            "/quiz/guide",
            "/quiz/review",
            "/quiz/retry",
            "/progress",
        ] {
            assert!(paths.contains(path), "{path}");
        }
    }

    #[test]
    fn a_site_at_the_domain_root_has_an_empty_base() {
        let base = router_base_from("/");
        assert_eq!(base, "");
        assert_eq!(with_base(&base, "/chapters/career"), "/chapters/career");
        assert_eq!(with_base(&base, "/"), "/");
    }
}
