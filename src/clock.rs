//! Time as the app counts it: milliseconds since the Unix epoch. Plain data for the models
//! (`progress::model`, `quiz`), which take the time as a parameter; [`now`] reads the clock.

/// Milliseconds since the Unix epoch.
pub type Millis = u64;

/// Now, from the browser clock (`Date.now()`).
#[cfg(target_arch = "wasm32")]
pub fn now() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}

/// Now, from the system clock (host builds: tests and tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> Millis {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| {
            Millis::try_from(d.as_millis()).unwrap_or(Millis::MAX)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_is_after_2020_and_does_not_go_back() {
        let first = now();
        assert!(first > 1_577_836_800_000, "{first}");
        assert!(now() >= first);
    }
}
