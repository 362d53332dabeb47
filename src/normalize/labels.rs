//! Value labels as address books write them ("Work Fax", "Business Phone 2", "TTY/TDD Phone"),
//! turned into model labels. Shared by every reader and writer that deals in free-text labels
//! (Google and Outlook CSV in, Google CSV out), on top of [`super::phone::label`].

use super::phone;

/// Words every reader maps the same way; a label made only of these is split into them
/// ("Work Fax", "Business Fax" → work + fax), any other label is kept whole, lower-cased.
fn word(w: &str) -> Option<Option<&'static str>> {
    if let Some(l) = phone::label(w) {
        return Some(Some(l));
    }
    let w = w.to_lowercase();
    let mapped = match w.as_str() {
        "work" | "business" | "office" | "company" => "work",
        "home" | "personal" | "private" => "home",
        "mobile" | "cell" | "cellular" => "mobile",
        "fax" => "fax",
        "pager" | "beeper" => "pager",
        "main" => "main",
        "other" => "other",
        "pref" | "primary" | "preferred" => "pref",
        "car" => "car",
        "isdn" => "isdn",
        "callback" => "callback",
        "radio" => "radio",
        "telex" => "telex",
        "tty" | "tdd" => "tty",
        "assistant" | "assistant's" => "assistant",
        "voice" => "voice",
        "text" => "text",
        "video" => "video",
        // Words that only say what the column is.
        "phone" | "number" | "e-mail" | "email" | "address" => return Some(None),
        _ if w.chars().all(|c| c.is_ascii_digit()) => return Some(None),
        _ => return None,
    };
    Some(Some(mapped))
}

/// True when `label` is one of the words [`label_words`] maps to itself: such labels can be written
/// side by side ("Work Fax") and read back apart.
pub fn is_label_word(label: &str) -> bool {
    !label.contains(char::is_whitespace) && matches!(word(label), Some(Some(m)) if m == label)
}

/// Model labels from a label text or a column name: comma-separated parts, each split into known
/// words, or kept whole when it holds any other word ("Grandma's" → "grandma's").
pub fn label_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let words: Vec<Option<Option<&str>>> = part
            .split(|c: char| c.is_whitespace() || c == '/')
            .filter(|w| !w.is_empty())
            .map(word)
            .collect();
        let labels: Vec<String> = if words.iter().all(Option::is_some) {
            words
                .into_iter()
                .flatten()
                .flatten()
                .map(String::from)
                .collect()
        } else {
            vec![part.to_lowercase()]
        };
        for l in labels {
            if !out.contains(&l) {
                out.push(l);
            }
        }
    }
    out
}
