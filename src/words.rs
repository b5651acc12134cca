//! Honest plurals for counts shown to readers: "1 part", "2 parts", "0 parts".

/// `n` and the noun in its right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "part", "parts"), "1 part");
        assert_eq!(count(0, "part", "parts"), "0 parts");
        assert_eq!(count(2, "quiz result", "quiz results"), "2 quiz results");
    }
}
