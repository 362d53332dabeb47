//! Text hygiene shared by every other normaliser: invisible characters, Unicode
//! composition, whitespace, and the repair of Meta's mojibake.
//!
//! Exports disagree about everything that does not show on screen: LinkedIn
//! writes trailing spaces, Google Contacts starts with a BOM, Telegram leaks
//! control characters, phones paste zero-width joiners and bidi marks into
//! names. Two values that look the same to a person must compare equal, so
//! every field goes through [`clean`] (or [`clean_multiline`] for notes) before
//! any other rule looks at it. Meta (Facebook, Instagram) writes every UTF-8
//! byte as its own code point; [`repair_mojibake`] undoes that and must run
//! *before* [`clean`], because the broken form contains C1 control characters
//! that [`clean`] would delete.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Invisible format characters that carry no meaning in contact data.
///
/// Beyond the zero-width set and the BOM, this includes the soft hyphen and the
/// bidi marks/embeddings/isolates that Android and iOS insert around
/// right-to-left names: they change nothing visible but break equality.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                    // soft hyphen
        | '\u{200B}'..='\u{200F}'     // zero-width space/non-joiner/joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}'     // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'     // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'     // bidi isolates
        | '\u{FEFF}' // BOM / zero-width no-break space
    )
}

/// Characters that end a line in any of the exports (CR, LF, NEL, LS, PS).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Replace what must go: invisible characters vanish, tab and line breaks become
/// a space, every other control character vanishes — the vertical tab and form
/// feed too: Telegram leaks them into the middle of a name ("Gu\u{b}stav"),
/// where no space was ever typed. Runs before NFC so that composition sees the
/// final neighbours.
fn scrub(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_invisible(c) {
            continue;
        }
        if is_line_break(c) {
            // CRLF is one break, not two.
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push(if keep_newlines { '\n' } else { ' ' });
        } else if c == '\t' {
            out.push(' ');
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out
}

/// `s` in Unicode NFC. Most text is composed already, which a quick check sees without
/// building a copy character by character.
pub fn nfc(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

/// Collapse runs of Unicode whitespace into one ASCII space and trim.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Clean a single-line value: strip BOM, zero-width and control characters
/// (tabs and line breaks become spaces), apply Unicode NFC, trim, and collapse
/// inner whitespace runs to one space.
pub fn clean(s: &str) -> String {
    // Most values are plain ASCII: nothing to scrub or compose, at most spaces to collapse.
    // Same result as the general path, without its three allocations and the NFC pass.
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        let tidy = !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ");
        return if tidy {
            s.to_string()
        } else {
            collapse_spaces(s)
        };
    }
    let scrubbed = nfc(scrub(s, false));
    collapse_spaces(&scrubbed)
}

/// Like [`clean`] but keeps line breaks (normalised to `\n`), for notes.
///
/// Each line is cleaned on its own; leading and trailing blank lines are
/// dropped and runs of blank lines shrink to one, so a note keeps its
/// paragraphs without the padding exporters add.
pub fn clean_multiline(s: &str) -> String {
    let scrubbed = nfc(scrub(s, true));
    let mut lines: Vec<String> = Vec::new();
    for line in scrubbed.split('\n') {
        let line = collapse_spaces(line);
        let previous_blank = lines.last().is_none_or(|l| l.is_empty());
        if line.is_empty() && previous_blank {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Repair Meta's mojibake, where each UTF-8 byte was written as the code point
/// of the same value (`"Ho\u{c3}\u{a0}ng"` for "Hoàng").
///
/// The repair is attempted only when every character is at most U+00FF and at
/// least one is U+0080 or above; it is kept only when the bytes decode as
/// UTF-8. A genuine Latin-1 name such as "Zoë" or "Müller" is not valid UTF-8
/// when read as bytes, so it comes back unchanged.
pub fn repair_mojibake(s: &str) -> String {
    let mut bytes = Vec::with_capacity(s.len());
    let mut any_high = false;
    for c in s.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(b) => {
                any_high |= b >= 0x80;
                bytes.push(b);
            }
            // A code point above U+00FF cannot come from this corruption.
            Err(_) => return s.to_string(),
        }
    }
    if !any_high {
        return s.to_string();
    }
    String::from_utf8(bytes).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_strips_invisibles_and_collapses_whitespace() {
        let cases = [
            ("  Jane   Doe  ", "Jane Doe"),
            ("\u{FEFF}First Name", "First Name"),
            ("Ja\u{200B}ne", "Jane"),
            ("Jane\u{200D}Doe", "JaneDoe"),
            ("Jane\u{2060} Doe", "Jane Doe"),
            ("Jane\tDoe", "Jane Doe"),
            ("Jane\r\nDoe", "Jane Doe"),
            ("Jane\u{0007}Doe", "JaneDoe"),
            ("Gu\u{000B}stav", "Gustav"),
            ("Gu\u{000C}stav", "Gustav"),
            ("Jane\u{00A0}Doe", "Jane Doe"),
            ("\u{200F}محمد\u{200F}", "محمد"),
            ("Ezra ", "Ezra"),
            // NFC: e + combining acute becomes é.
            ("Rene\u{0301}e", "Ren\u{00E9}e"),
            ("", ""),
            ("   ", ""),
            // Non-Latin scripts untouched.
            ("王小明", "王小明"),
            ("Алексей  Иванов", "Алексей Иванов"),
            ("Γιώργος", "Γιώργος"),
            ("عبد الله", "عبد الله"),
        ];
        for (input, expected) in cases {
            assert_eq!(clean(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn clean_multiline_keeps_paragraphs() {
        let cases = [
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("  a  \n\n\n  b ", "a\n\nb"),
            ("\n\nnote\n\n", "note"),
            ("line\u{2028}next", "line\nnext"),
            ("tab\there", "tab here"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(clean_multiline(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn repair_mojibake_only_when_valid_utf8() {
        let cases = [
            ("Ho\u{c3}\u{a0}ng", "Hoàng"),
            ("Jos\u{c3}\u{a9}", "José"),
            (
                "\u{e7}\u{8e}\u{8b}\u{e5}\u{b0}\u{8f}\u{e6}\u{98}\u{8e}",
                "王小明",
            ),
            ("it\u{e2}\u{80}\u{99}s", "it\u{2019}s"),
            ("Zoë", "Zoë"),
            ("Müller", "Müller"),
            ("plain ascii", "plain ascii"),
            ("Hoàng 王", "Hoàng 王"),
            ("", ""),
            // Truncated sequence: not valid UTF-8, kept.
            ("Ho\u{c3}", "Ho\u{c3}"),
        ];
        for (input, expected) in cases {
            assert_eq!(repair_mojibake(input), expected, "input {input:?}");
        }
    }
}
