//! Text cleaning (temporary minimal version).
use unicode_normalization::UnicodeNormalization;

pub fn clean(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .nfc()
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn clean_multiline(s: &str) -> String {
    s.replace("\r\n", "\n")
        .split('\n')
        .map(clean)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

pub fn repair_mojibake(s: &str) -> String {
    if s.chars().all(|c| (c as u32) <= 0xFF) && s.chars().any(|c| (c as u32) >= 0x80) {
        let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        if let Ok(t) = String::from_utf8(bytes) {
            return t;
        }
    }
    s.to_string()
}
