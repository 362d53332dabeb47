//! Letters `deunicode` romanises differently from how people spell their names in Latin
//! script, fixed before it runs (comparison keys only).
//!
//! Greek follows ELOT 743, the passport standard: "Χρυσούλα Δημάκη" → "chrysoula dimaki",
//! "Ευάγγελος" → "evangelos". `deunicode` goes letter by letter the classical way (η → e,
//! υ → u, β → b, χ → kh: "Khrusoula Demake"), which no Greek person writes. Russian ё becomes
//! "yo" (Фёдоров → fyodorov, which `keys::translit_key` equates with Fedorov), not "io".

use std::borrow::Cow;

/// Whether `c` is a Greek letter (basic block or extended, accented forms).
fn is_greek(c: char) -> bool {
    matches!(u32::from(c), 0x0370..=0x03FF | 0x1F00..=0x1FFF)
}

/// The base lower-case letter of a Greek character and whether it carries a diaeresis
/// (which splits a diphthong: "Ευφροσύνη" but "Αϊδίνη").
fn base(c: char) -> (char, bool) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'ά' | 'ἀ' | 'ἁ' | 'ὰ' | 'ᾶ' => ('α', false),
        'έ' | 'ἐ' | 'ἑ' | 'ὲ' => ('ε', false),
        'ή' | 'ἠ' | 'ἡ' | 'ὴ' | 'ῆ' => ('η', false),
        'ί' | 'ἰ' | 'ἱ' | 'ὶ' | 'ῖ' => ('ι', false),
        'ϊ' | 'ΐ' | 'ῒ' | 'ῗ' => ('ι', true),
        'ό' | 'ὀ' | 'ὁ' | 'ὸ' => ('ο', false),
        'ύ' | 'ὐ' | 'ὑ' | 'ὺ' | 'ῦ' => ('υ', false),
        'ϋ' | 'ΰ' | 'ῢ' | 'ῧ' => ('υ', true),
        'ώ' | 'ὠ' | 'ὡ' | 'ὼ' | 'ῶ' => ('ω', false),
        'ς' => ('σ', false),
        other => (other, false),
    }
}

fn single(c: char) -> Option<&'static str> {
    Some(match c {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => return None,
    })
}

/// Before these, αυ/ευ/ηυ sound (and are written) with v; elsewhere with f.
fn voiced_after_u(next: Option<char>) -> bool {
    matches!(
        next,
        Some(
            'α' | 'ε'
                | 'η'
                | 'ι'
                | 'ο'
                | 'υ'
                | 'ω'
                | 'β'
                | 'γ'
                | 'δ'
                | 'ζ'
                | 'λ'
                | 'μ'
                | 'ν'
                | 'ρ'
        )
    )
}

/// `s` with its Greek letters and ё romanised; other text unchanged. Upper case is lowered
/// (the result feeds comparison keys only).
pub fn romanize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_greek(c) || matches!(c, 'ё' | 'Ё')) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<(char, bool, bool)> = s
        .chars()
        .map(|c| {
            if is_greek(c) {
                let (b, diaeresis) = base(c);
                (b, diaeresis, true)
            } else {
                (c, false, false)
            }
        })
        .collect();
    let at = |i: usize| chars.get(i).filter(|x| x.2).map(|x| x.0);
    let diaeresis = |i: usize| chars.get(i).is_some_and(|x| x.1);
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while let Some(&(c, _, greek)) = chars.get(i) {
        if !greek {
            match c {
                'ё' | 'Ё' => out.push_str("yo"),
                _ => out.push(c),
            }
            i += 1;
            continue;
        }
        let next = at(i + 1);
        let word_start = i == 0 || at(i - 1).is_none();
        let (text, used): (&str, usize) = match (c, next) {
            ('α' | 'ε' | 'η', Some('υ')) if !diaeresis(i + 1) => {
                let v = if voiced_after_u(at(i + 2)) { "v" } else { "f" };
                out.push_str(match c {
                    'α' => "a",
                    'ε' => "e",
                    _ => "i",
                });
                out.push_str(v);
                i += 2;
                continue;
            }
            ('ο', Some('υ')) if !diaeresis(i + 1) => ("ou", 2),
            ('γ', Some('γ')) => ("ng", 2),
            ('γ', Some('ξ')) => ("nx", 2),
            ('γ', Some('χ')) => ("nch", 2),
            ('μ', Some('π')) if word_start => ("b", 2),
            ('ν', Some('τ')) if word_start => ("d", 2),
            _ => (single(c).unwrap_or(""), 1),
        };
        if text.is_empty() {
            // Punctuation and signs of the Greek blocks (ʹ, ͵, ·): let the folder see them.
            out.push(c);
        } else {
            out.push_str(text);
        }
        i += used;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::romanize;

    #[test]
    fn names_as_greeks_spell_them() {
        for (greek, latin) in [
            ("Χρυσούλα Δημάκη", "chrysoula dimaki"),
            ("Χρήστος Καρααναστασίου", "christos karaanastasiou"),
            ("Μαρία Χατζηχριστοδούλου", "maria chatzichristodoulou"),
            ("Βασιλική Φραγκίδου", "vasiliki fragkidou"),
            ("Ειρήνη Καρακώστα", "eirini karakosta"),
            ("Αναστάσιος Λευτεράκης", "anastasios lefterakis"),
            ("Ευάγγελος Παπαδόπουλος", "evangelos papadopoulos"),
            ("Γεώργιος Μπαλτάς", "georgios baltas"),
            ("Ντίνος Αϊδίνης", "dinos aidinis"),
            ("Ψαρράς Ξανθή", "psarras xanthi"),
            ("Фёдоров", "Фyoдоров"),
        ] {
            assert_eq!(romanize(greek), latin, "{greek}");
        }
    }

    #[test]
    fn other_text_is_untouched() {
        assert_eq!(romanize("Jane Doe, 王小明"), "Jane Doe, 王小明");
        assert_eq!(romanize("Ωmega-3 Ltd."), "omega-3 Ltd.");
    }
}
