//! The Content-Security-Policy of every page. GitHub Pages sets no headers, so it is a
//! `<meta http-equiv="Content-Security-Policy">`, written by the Trunk post-build hook
//! (`examples/csp.rs`) into the final HTML, after minifying and prerendering: the hashes are of
//! the inline scripts exactly as the browser will see them.
//!
//! - `default-src 'self'`: every file comes from the site itself (no fonts, CDNs, analytics);
//! - `script-src 'self' 'wasm-unsafe-eval' 'sha256-…'`: the site's scripts, the inline ones by
//!   hash (no `'unsafe-inline'`), and compiling the wasm;
//! - `object-src 'none'`, `base-uri 'self'`, `form-action 'none'`, `connect-src 'self'`.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The `content` of the meta tag for a page whose inline scripts have these hashes.
pub fn policy(script_hashes: &[String]) -> String {
    let mut scripts = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        scripts.push_str(&format!(" '{hash}'"));
    }
    format!(
        "default-src 'self'; script-src {scripts}; object-src 'none'; base-uri 'self'; \
         form-action 'none'; connect-src 'self'"
    )
}

/// `sha256-<base64>` of a script's text, as CSP wants it.
pub fn hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The text of every inline `<script>` (one without `src`), in order.
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, String> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let tag_end = after.find('>').ok_or("a <script> tag is not closed")? + 1;
        let tag = &after[..tag_end];
        let body = &after[tag_end..];
        let body_end = body
            .find("</script")
            .ok_or("a <script> element is not closed")?;
        if !has_src(tag) {
            scripts.push(&body[..body_end]);
        }
        rest = &body[body_end..];
    }
    Ok(scripts)
}

fn has_src(tag: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .any(|attribute| attribute == "src" || attribute.starts_with("src="))
}

const META_START: &str = "<meta http-equiv=Content-Security-Policy content=\"";

/// The page with its policy (replacing an earlier one, so the hook can run again), placed right
/// after `<meta charset>`: a policy in a `<meta>` covers only what follows it.
pub fn with_policy(html: &str) -> Result<String, String> {
    let mut html = html.to_string();
    if let Some(start) = html.find(META_START) {
        let end = start
            + html[start..]
                .find('>')
                .ok_or("the policy's <meta> is not closed")?
            + 1;
        html.replace_range(start..end, "");
    }
    let hashes: Vec<String> = inline_scripts(&html)?.into_iter().map(hash).collect();
    let charset = html
        .find("<meta charset")
        .ok_or("the page has no <meta charset>")?;
    let at = charset
        + html[charset..]
            .find('>')
            .ok_or("<meta charset> is not closed")?
        + 1;
    html.insert_str(at, &format!("{META_START}{}\">", policy(&hashes)));
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>t</title>\
        <script type=module>import init from '/x.js';</script>\
        <script src=/other.js></script><script>var a = \"<b>\";</script>\
        </head><body><script>go()</script></body></html>";

    #[test]
    fn only_inline_scripts_are_hashed_exactly() {
        assert_eq!(
            inline_scripts(PAGE).unwrap(),
            ["import init from '/x.js';", "var a = \"<b>\";", "go()"]
        );
        // A known value: printf 'go()' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash("go()"),
            "sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw="
        );
    }

    #[test]
    fn the_policy_is_strict() {
        let policy = policy(&[hash("go()")]);
        for directive in [
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
            "connect-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        ] {
            assert!(policy.contains(directive), "{directive} in {policy}");
        }
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn the_meta_comes_first_and_is_replaced_when_run_again() {
        let once = with_policy(PAGE).unwrap();
        assert!(once.starts_with(
            "<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=Content-Security-Policy"
        ));
        for script in inline_scripts(PAGE).unwrap() {
            assert!(once.contains(&hash(script)));
        }
        assert_eq!(with_policy(&once).unwrap(), once);
        assert!(with_policy("<html><script>x").is_err());
    }
}
