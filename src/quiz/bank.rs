//! The question bank's texts. Natively (the prerenderer, host tests) they are compiled in; in
//! the browser they are fetched once from the bank file (`BANK_FILE`, `data/quiz-<hash>.txt`,
//! written by the prerenderer and precached by the service worker) by [`load`], which the quiz
//! chunk's loader awaits (`chunks::Chunk::load`): a quiz page mounts only once both are there,
//! and a bank that cannot be fetched gives the page's "couldn't be loaded" and "Try again".

use guide_content::quiz::{Question, QuestionShape};

#[cfg(not(target_arch = "wasm32"))]
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/quiz.rs"));
}

/// The bank, if it is there (natively: always).
pub fn get() -> Option<&'static [Question]> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(compiled::QUESTIONS)
    }
    #[cfg(target_arch = "wasm32")]
    {
        LOADED.get().copied()
    }
}

#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<&'static [Question]> = std::sync::OnceLock::new();

/// The bank could not be fetched or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BankUnavailable;

/// Makes the bank available: at once if it is, else by fetching its file. A failure is not
/// remembered: the next call fetches again.
pub async fn load() -> Result<(), BankUnavailable> {
    if get().is_some() {
        return Ok(());
    }
    #[cfg(target_arch = "wasm32")]
    {
        let text = crate::chunks::fetch_text(super::BANK_FILE)
            .await
            .ok_or(BankUnavailable)?;
        let questions = read(Box::leak(text.into_boxed_str()), super::QUESTIONS)?;
        let _ = LOADED.set(Box::leak(questions.into_boxed_slice()));
    }
    Ok(())
}

/// The bank in `text`, if it is a bank with exactly the questions of `index` (this build's, in
/// its order, each of the same shape): anything else would let a view index past a question's
/// options, so it is refused.
pub fn read(text: &'static str, index: &[QuestionShape]) -> Result<Vec<Question>, BankUnavailable> {
    let questions = guide_content::quiz::bank::decode(text).ok_or(BankUnavailable)?;
    let same =
        questions.len() == index.len() && questions.iter().zip(index).all(|(q, s)| q.shape() == *s);
    if same {
        Ok(questions)
    } else {
        Err(BankUnavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{test_bank, QUESTIONS};
    use guide_content::quiz::bank::{decode, encode, file_name};

    fn leaked(text: String) -> &'static str {
        Box::leak(text.into_boxed_str())
    }

    #[test]
    fn the_bank_file_reads_back_as_the_bank_and_fits_the_index() {
        let text = leaked(encode(test_bank()).expect("the bank encodes"));
        assert_eq!(read(text, QUESTIONS).as_deref(), Ok(test_bank()));
    }

    #[test]
    fn the_index_is_the_banks_shape_and_names_the_banks_file() {
        let shapes: Vec<QuestionShape> = test_bank().iter().map(Question::shape).collect();
        assert_eq!(shapes, QUESTIONS);
        let text = encode(test_bank()).unwrap();
        assert_eq!(file_name(&text), crate::quiz::BANK_FILE);
    }

    #[test]
    fn a_bank_of_another_build_is_refused() {
        let mut other: Vec<Question> = test_bank().to_vec();
        other[0].options = &other[0].options[..1];
        let text = leaked(encode(&other).unwrap());
        assert_eq!(read(text, QUESTIONS), Err(BankUnavailable));
        let fewer = leaked(encode(&test_bank()[1..]).unwrap());
        assert_eq!(read(fewer, QUESTIONS), Err(BankUnavailable));
    }

    #[test]
    fn anything_else_is_not_a_bank_and_never_panics() {
        let text = encode(test_bank()).unwrap();
        let last = [text.len() - 1, text.len() - 2].into_iter();
        for cut in (0..text.len())
            .step_by(97)
            .chain(last)
            .filter(|&i| text.is_char_boundary(i))
        {
            let _ = decode(leaked(text[..cut].to_string()));
            assert_eq!(
                read(leaked(text[..cut].to_string()), QUESTIONS),
                Err(BankUnavailable)
            );
        }
        assert_eq!(decode("<!doctype html><p>Not found"), None);
        assert_eq!(decode(""), Some(Vec::new()));
    }

    #[test]
    fn a_text_with_a_separator_character_cannot_be_written() {
        let mut q = test_bank()[0];
        q.prompt = "two\u{1f}fields";
        assert!(encode(&[q]).is_err());
    }
}
