//! Person names: splitting a full name into parts, cleaning structured parts,
//! and rebuilding a display name.
//!
//! Every platform types names differently. Facebook, Telegram and LinkedIn
//! invitations give one string; LinkedIn connections give first/last fields
//! that people fill with credentials ("Božić, Ph.D."), emoji ("Carver ☁") and
//! "fancy text" made of mathematical letters ("𝓔𝔃𝓻𝓪"). This module turns all of
//! that into [`NameParts`] with one set of rules so that the same person looks
//! the same whichever export they came from.
//!
//! Rules, in the order they run (each is documented on its function):
//! 1. text hygiene ([`text::clean`]);
//! 2. decoration: math/fullwidth/circled letters become plain letters, emoji and
//!    symbols go, a headline after `|` or `•` is cut ([`undecorate`]);
//! 3. nicknames in quotes or parentheses, pronouns in parentheses;
//! 4. credentials and generational suffixes, comma- or space-separated;
//! 5. "Last, First";
//! 6. honorific prefixes;
//! 7. given / middle / family split with particles kept in the family name;
//! 8. re-casing of ALL-CAPS and all-lower Latin names.
//!
//! Non-Latin scripts are never re-cased or transliterated here. A CJK name
//! written without spaces ("王小明") is not split — where the family name ends
//! cannot be known without a dictionary — so it lives in `full` only; a spaced
//! CJK name ("山田 太郎") is split family-first, the East Asian order. Matching
//! makes a guess of its own ([`split_unspaced_east_asian`]), never shown.

use crate::normalize::text;
use unicode_normalization::char::decompose_compatible;

/// A person's name split into the parts vCard and Google Contacts know.
///
/// `full` is the cleaned display form without prefix, credentials or emoji
/// ("Jane Q. Doe"); it is filled whenever any name exists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameParts {
    pub full: String,
    pub given: String,
    pub middle: String,
    pub family: String,
    pub prefix: String,
    pub suffix: String,
    pub nickname: String,
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

/// Credentials and generational suffixes, upper-case with dots removed
/// ("Ph.D." is looked up as "PHD"). The flag marks entries that are also
/// common name tokens ("Ma", "Do", "Ca"): those count as a credential only
/// after a comma, never as a bare trailing word.
const CREDENTIALS: &[(&str, bool)] = &[
    // generational
    ("JR", false),
    ("SR", false),
    ("II", false),
    ("III", false),
    ("IV", false),
    ("2ND", false),
    ("3RD", false),
    // doctorates and degrees
    ("PHD", false),
    ("DPHIL", false),
    ("MD", false),
    ("DO", true),
    ("DDS", false),
    ("DMD", false),
    ("DVM", false),
    ("PSYD", false),
    ("EDD", false),
    ("DBA", false),
    ("JD", false),
    ("LLB", false),
    ("LLM", false),
    ("MBA", false),
    ("EMBA", false),
    ("MPA", false),
    ("MPH", false),
    ("MSW", false),
    ("MSC", false),
    ("BSC", false),
    ("MENG", false),
    ("BENG", false),
    ("MFA", false),
    ("MA", true),
    ("MS", true),
    ("BA", true),
    ("BS", true),
    ("BCOM", false),
    ("MCOM", false),
    ("DIPL", true),
    // German and Austrian diplomas, written before or after the name
    ("DIPL-ING", false),
    ("DIPL-KFM", false),
    ("DIPL-KFFR", false),
    ("DIPL-INF", false),
    ("DIPL-PHYS", false),
    ("DIPL-MATH", false),
    ("DIPL-PSYCH", false),
    ("DIPL-OEC", false),
    ("DIPL-BW", false),
    ("DR-ING", false),
    ("MSPH", false),
    ("MHA", false),
    ("MPP", false),
    ("MPS", false),
    // legal and finance
    ("ESQ", false),
    ("CPA", false),
    ("CA", true),
    ("ACCA", false),
    ("FCCA", false),
    ("ACA", false),
    ("FCA", false),
    ("CMA", false),
    ("CFA", false),
    ("CFP", false),
    ("FRM", false),
    ("CIA", true),
    ("CISA", false),
    ("CISM", false),
    ("CISSP", false),
    ("CRISC", false),
    ("CEH", false),
    ("OSCP", false),
    // engineering and project management
    ("PE", true),
    ("PENG", false),
    ("CENG", false),
    ("PMP", false),
    ("PGMP", false),
    ("CAPM", false),
    ("PMI-ACP", false),
    ("CSM", false),
    ("CSPO", false),
    ("SAFE", true),
    ("ITIL", false),
    ("CCNA", false),
    ("CCNP", false),
    ("CCIE", false),
    ("MCSE", false),
    ("AWS", true),
    // HR and marketing
    ("PHR", false),
    ("SPHR", false),
    ("SHRM-CP", false),
    ("SHRM-SCP", false),
    ("CIPD", false),
    ("MCIPD", false),
    ("ACC", true),
    ("PCC", false),
    ("MCC", false),
    // health
    ("RN", false),
    ("BSN", false),
    ("MSN", false),
    ("NP", false),
    ("FNP", false),
    ("PA-C", false),
    ("PHARMD", false),
    ("FACS", false),
    ("FRCS", false),
    ("MRCP", false),
    ("FRCP", false),
    ("LCSW", false),
    ("LPC", false),
    // honours
    ("OBE", false),
    ("MBE", false),
    ("CBE", false),
    ("KBE", false),
    ("FRS", false),
];

/// Honorific prefixes, lower-case with dots removed. The flag marks entries
/// that are also given names or words ("Eng", "Col"): those count only when
/// written with a dot.
const PREFIXES: &[(&str, bool)] = &[
    ("dr", false),
    // German doctorate qualifiers: "Dr. med.", "Dr. rer. nat."
    ("med", true),
    ("dent", true),
    ("rer", true),
    ("nat", true),
    ("jur", true),
    ("oec", true),
    ("prof", false),
    ("mr", false),
    ("mrs", false),
    ("ms", false),
    ("miss", false),
    ("mx", false),
    ("sir", false),
    ("dame", false),
    ("lord", true),
    ("lady", true),
    ("rev", false),
    ("revd", false),
    ("fr", true),
    ("hon", true),
    ("capt", false),
    ("cpt", false),
    ("col", true),
    ("gen", true),
    ("lt", false),
    ("maj", true),
    ("sgt", false),
    ("adm", true),
    ("cmdr", false),
    ("herr", false),
    // German diplomas written before the name like a title: "Dipl.-Ing. Hans Müller"
    ("dipl-ing", false),
    ("dipl-kfm", false),
    ("dipl-kffr", false),
    ("dipl-inf", false),
    ("dipl-phys", false),
    ("dipl-math", false),
    ("dipl-psych", false),
    ("dr-ing", false),
    ("frau", false),
    ("mme", false),
    ("mlle", false),
    ("sra", true),
    ("srta", true),
    ("dott", true),
    ("dottssa", false),
    ("ing", true),
    ("dipl-ing", false),
    ("mag", true),
    ("eng", true),
    ("rabbi", false),
    ("imam", true),
    ("sheikh", false),
];

/// Particles that belong to the family name ("van der Waals", "de la Cruz").
/// Single letters ("y", "e") are particles only when typed lower-case: in
/// upper case they are initials.
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "del", "della", "dello", "degli", "dei", "des", "la", "le", "da",
    "das", "dos", "do", "du", "di", "von", "zu", "ter", "ten", "te", "bin", "ibn", "binti", "bint",
    "al", "el", "st", "'t", "y", "e",
];

/// "Mac" names whose third letter is capitalised. Any other name starting with
/// "mac" (Mack, Macy, Machado, Maciel) is capitalised simply: guessing would
/// produce "MacHado".
const MAC_NAMES: &[&str] = &[
    "macalister",
    "macarthur",
    "macaulay",
    "macbeth",
    "macbride",
    "maccallum",
    "maccormack",
    "macdermott",
    "macdonald",
    "macdougall",
    "macduff",
    "macewan",
    "macfarlane",
    "macgillivray",
    "macgregor",
    "macinnes",
    "macintosh",
    "macintyre",
    "mackay",
    "mackenzie",
    "mackinnon",
    "mackintosh",
    "maclachlan",
    "maclaren",
    "maclean",
    "maclennan",
    "macleod",
    "macmillan",
    "macnamara",
    "macneil",
    "macneill",
    "macpherson",
    "macquarrie",
    "macrae",
    "mactavish",
];

/// Pronoun words: "(she/her)" after a name is not a nickname.
const PRONOUNS: &[&str] = &[
    "she", "her", "hers", "he", "him", "his", "they", "them", "theirs", "xe", "xem", "ze", "zir",
    "ey", "em", "any", "all",
];

// ---------------------------------------------------------------------------
// Decoration
// ---------------------------------------------------------------------------

/// Map a "fancy text" letter to the plain letter it decorates.
///
/// Covers the Mathematical Alphanumeric Symbols block (U+1D400–U+1D7FF, e.g.
/// 𝐉 𝓔 𝔃), its letterlike exceptions in U+2100–U+214F (ℎ ℬ ℰ ℝ …), circled
/// letters (Ⓙ) and fullwidth Latin (ｊ). The Unicode compatibility
/// decomposition gives the exact plain letter; anything that does not
/// decompose to a single letter or digit is left alone.
fn demath(c: char) -> char {
    let in_range = matches!(
        u32::from(c),
        0x1D400..=0x1D7FF | 0x2100..=0x214F | 0x24B6..=0x24E9 | 0xFF10..=0xFF5A
    );
    if !in_range {
        return c;
    }
    let mut out: Vec<char> = Vec::with_capacity(1);
    decompose_compatible(c, |d| out.push(d));
    match out.as_slice() {
        [single] if single.is_alphanumeric() => *single,
        _ => c,
    }
}

/// Emoji, pictographs, dingbats and other symbols that decorate names.
///
/// Unicode has no "emoji" property we can read without another crate, so
/// these are the blocks such symbols live in. Letters of every script are
/// outside them; the Catalan middle dot (U+00B7, "Col·lell") is kept.
fn is_decorative(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00A9 | 0x00AE               // © ®
        | 0x2022 | 0x2023 | 0x2043 | 0x2219 // bullets
        | 0x2100..=0x214F             // letterlike leftovers (™ ℠ ℗) after demath
        | 0x2190..=0x23FF             // arrows, math operators, misc technical
        | 0x2460..=0x24FF             // enclosed alphanumerics leftovers
        | 0x2500..=0x27BF             // box drawing, shapes, misc symbols, dingbats
        | 0x2900..=0x297F             // supplemental arrows
        | 0x2B00..=0x2BFF             // misc symbols and arrows (⭐)
        | 0x3030 | 0x303D             // wavy dash, part alternation mark
        | 0xE000..=0xF8FF             // private use (vendor logos)
        | 0xFE00..=0xFE0F             // variation selectors
        | 0x20D0..=0x20FF             // combining marks for symbols (keycaps)
        | 0x1F000..=0x1FAFF           // emoji, pictographs, flags, skin tones
        | 0xE0000..=0xE007F // tag characters (subdivision flags)
    )
}

/// Fancy letters mapped to plain ones and decorative symbols removed,
/// nothing else: no trimming, no headline cut. The match keys use this
/// before transliterating, which would otherwise spell "☁" as "cloud".
pub fn strip_symbols(s: &str) -> String {
    s.chars()
        .map(demath)
        .filter(|c| !is_decorative(*c))
        .collect()
}

/// Separators people use to append a headline to their name
/// ("Jane Doe | Recruiter", "Jane Doe • Hiring"). Text after the first one
/// that is not a name is cut. Spaced dashes count too; a plain hyphen does
/// not ("Anne-Marie").
const HEADLINE_SEPARATORS: &[&str] = &["|", "｜", "•", " – ", " — ", " ~ "];

/// Plain letters for a name: fancy letters mapped, symbols removed, a
/// trailing headline cut, whitespace cleaned. Used by [`parse_full`],
/// [`from_parts`] and the match keys.
pub fn undecorate(s: &str) -> String {
    let mapped = strip_symbols(s);
    let mapped = cut_dash_headline(&mapped);
    // The name is the first piece that has a letter or digit in it.
    let mut pieces = vec![mapped.as_ref()];
    for sep in HEADLINE_SEPARATORS {
        pieces = pieces.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    let head = pieces
        .into_iter()
        .find(|p| p.chars().any(char::is_alphanumeric))
        .unwrap_or_default();
    text::clean(head)
}

/// Words that start a headline rather than a name ("Jane Taylor - Recruiter",
/// "Sam Lee - Head of Data"), lower-case.
const HEADLINE_WORDS: &[&str] = &[
    "recruiter",
    "recruiting",
    "recruitment",
    "talent",
    "hiring",
    "engineer",
    "engineering",
    "developer",
    "designer",
    "manager",
    "director",
    "consultant",
    "founder",
    "co-founder",
    "cofounder",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cio",
    "vp",
    "svp",
    "evp",
    "president",
    "owner",
    "partner",
    "head",
    "lead",
    "senior",
    "sr",
    "junior",
    "principal",
    "chief",
    "analyst",
    "architect",
    "advisor",
    "adviser",
    "coach",
    "mentor",
    "trainer",
    "teacher",
    "professor",
    "lecturer",
    "researcher",
    "scientist",
    "student",
    "intern",
    "freelancer",
    "freelance",
    "entrepreneur",
    "investor",
    "lawyer",
    "attorney",
    "realtor",
    "broker",
    "agent",
    "specialist",
    "expert",
    "officer",
    "executive",
    "assistant",
    "associate",
    "accountant",
    "writer",
    "author",
    "editor",
    "journalist",
    "photographer",
    "artist",
    "speaker",
    "strategist",
    "marketing",
    "sales",
    "hr",
    "it",
    "open",
    "helping",
    "building",
    "seeking",
    "looking",
];

/// A headline after a spaced hyphen is cut; a spaced hyphen between names joins them
/// ("Anna Smith - Jones" → "Anna Smith-Jones"). It is a headline when it starts with a headline word, has a
/// lower-case or non-letter word (`Head of Data`, `#OpenToWork`, `10+ years`), or runs to
/// more than two words.
fn cut_dash_headline(s: &str) -> std::borrow::Cow<'_, str> {
    let Some((name, rest)) = s.split_once(" - ") else {
        return std::borrow::Cow::Borrowed(s);
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let first = words.first().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let is_headline = words.len() > 2
        || first.is_some_and(|f| HEADLINE_WORDS.contains(&f.as_str()))
        || words
            .iter()
            .any(|w| !w.chars().next().is_some_and(char::is_uppercase) && !is_particle(w));
    if !name.chars().any(char::is_alphabetic) {
        std::borrow::Cow::Borrowed(s)
    } else if is_headline {
        std::borrow::Cow::Owned(name.to_string())
    } else {
        std::borrow::Cow::Owned(format!("{}-{}", name.trim_end(), rest.trim_start()))
    }
}

// ---------------------------------------------------------------------------
// Token classification
// ---------------------------------------------------------------------------

/// Upper-case, dot-free form used to look up credentials ("Ph.D." -> "PHD").
fn credential_key(token: &str) -> String {
    token
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `token` is a credential; `after_comma` admits the entries that are
/// also names ("Doe, MA" but not "Jack Ma").
fn is_credential(token: &str, after_comma: bool) -> bool {
    let key = credential_key(token);
    CREDENTIALS
        .iter()
        .any(|(k, comma_only)| *k == key && (after_comma || !comma_only))
}

/// An unknown all-caps abbreviation ("CSCP", "SHRM") after a comma.
fn looks_like_acronym(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphanumeric()).count();
    (2..=8).contains(&letters)
        && token
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

fn is_prefix(token: &str) -> bool {
    let has_dot = token.ends_with('.');
    let key: String = token
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    PREFIXES
        .iter()
        .any(|(k, needs_dot)| *k == key && (has_dot || !needs_dot))
}

/// Whether a name token is a family-name particle ("van", "de", "al").
pub fn is_particle(token: &str) -> bool {
    let lower = token.to_lowercase();
    let key = lower.trim_end_matches('.');
    PARTICLES.contains(&key) && (key.chars().count() > 1 || token == lower)
}

/// Han, Kana, Hangul: scripts written family-name first and often unspaced.
pub fn is_east_asian(s: &str) -> bool {
    s.chars().any(|c| {
        is_han_or_hangul(c)
            || matches!(
                u32::from(c),
                0x1100..=0x11FF       // Hangul Jamo
                | 0x3040..=0x30FF     // Hiragana, Katakana
                | 0x20000..=0x3134F // CJK extensions B–G
            )
    })
}

/// Han characters of the basic planes and Hangul syllables.
fn is_han_or_hangul(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3400..=0x4DBF       // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified
        | 0xAC00..=0xD7AF     // Hangul syllables
        | 0xF900..=0xFAFF // CJK compatibility
    )
}

/// Two-character family names among Chinese (欧阳, 司马…) and Korean (남궁, 황보…) ones.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "尉遲",
    "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯", "轩辕", "軒轅", "令狐", "钟离",
    "鍾離", "端木", "澹台", "淳于", "申屠", "南宫", "南宮", "西门", "西門", "百里", "呼延", "闻人",
    "聞人", "赫连", "赫連", "独孤", "獨孤", "남궁", "황보", "제갈", "선우", "독고", "사공", "서문",
];

/// A guess at the family and given name of an unspaced Han or Hangul name of two to four
/// characters, for matching only ("毛海华" → 毛 / 海华, "欧阳娜娜" → 欧阳 / 娜娜): the family
/// name is the first character, or the first two when they are a known compound surname or
/// the name has four characters. Names with kana (Japanese family names run one to three
/// characters) and anything longer or spaced get `None`.
pub fn split_unspaced_east_asian(full: &str) -> Option<(&str, &str)> {
    let full = full.trim();
    let n = full.chars().count();
    if !(2..=4).contains(&n) || !full.chars().all(is_han_or_hangul) {
        return None;
    }
    let at = |chars: usize| {
        full.char_indices()
            .nth(chars)
            .map_or(full.len(), |(i, _)| i)
    };
    let two = at(2);
    let compound = COMPOUND_SURNAMES.contains(&full.get(..two).unwrap_or(""));
    let cut = if n > 2 && (compound || n == 4) {
        two
    } else {
        at(1)
    };
    Some((full.get(..cut)?, full.get(cut..)?))
}

/// The commonest Vietnamese family names, as written with their diacritics (Nguyen without them
/// too: no other language has it).
const VIETNAMESE_FAMILY_NAMES: &[&str] = &[
    "nguyễn", "nguyen", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi",
    "đỗ", "hồ", "ngô", "dương", "lý", "đinh", "đào", "trương", "lâm", "trịnh",
];

/// Letters only Vietnamese writes: đ, and the vowels with a tone mark of Latin Extended
/// Additional (ạ ả ấ … ỹ) or with a horn or breve (ơ ư ă).
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ă' | 'Ă')
        || matches!(u32::from(c), 0x1EA0..=0x1EF9)
}

/// A Vietnamese name written family first ("Lê Văn Hùng", "Nguyễn Thị Mai"): two to four
/// words, the first a common Vietnamese family name and the last not one, and the name written
/// with Vietnamese letters or a Văn/Thị middle name. A guess: "Hùng Lê" (given first, as many
/// write it abroad) is left in Western order, and so is a name without those marks.
fn is_vietnamese_family_first(tokens: &[String]) -> bool {
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let (Some(first), Some(last)) = (lower.first(), lower.last()) else {
        return false;
    };
    let marks = tokens.iter().any(|t| t.chars().any(is_vietnamese_letter))
        || lower
            .iter()
            .any(|t| matches!(t.as_str(), "văn" | "van" | "thị" | "thi"));
    (2..=4).contains(&tokens.len())
        && VIETNAMESE_FAMILY_NAMES.contains(&first.as_str())
        && !VIETNAMESE_FAMILY_NAMES.contains(&last.as_str())
        && marks
        && tokens.iter().all(|t| t.chars().all(|c| c.is_alphabetic()))
}

/// The commonest Hungarian family names, lower-case.
const HUNGARIAN_FAMILY_NAMES: &[&str] = &[
    "nagy",
    "kovács",
    "tóth",
    "szabó",
    "horváth",
    "varga",
    "kiss",
    "molnár",
    "németh",
    "farkas",
    "balogh",
    "papp",
    "takács",
    "juhász",
    "lakatos",
    "mészáros",
    "oláh",
    "simon",
    "rácz",
    "fekete",
    "szilágyi",
    "török",
    "fehér",
    "balázs",
    "gál",
    "kis",
    "szűcs",
    "kocsis",
    "orsós",
    "pintér",
    "fodor",
    "szalai",
    "sipos",
    "magyar",
    "lukács",
    "gulyás",
    "biró",
    "király",
    "katona",
    "lászló",
    "jakab",
    "bogdán",
    "sándor",
    "boros",
    "fazekas",
    "kelemen",
    "antal",
    "somogyi",
    "orosz",
    "fülöp",
    "veres",
    "vincze",
    "hegedűs",
    "deák",
    "budai",
    "pap",
    "bálint",
    "pál",
    "illés",
    "vörös",
    "vass",
    "bognár",
    "lengyel",
    "fábián",
    "bodnár",
    "szűts",
];

/// Hungarian given names as Hungarians write them (with their accents: "Péter", not "Peter").
const HUNGARIAN_GIVEN_NAMES: &[&str] = &[
    "lászló",
    "istván",
    "józsef",
    "jános",
    "zoltán",
    "sándor",
    "gábor",
    "ferenc",
    "attila",
    "péter",
    "tamás",
    "zsolt",
    "tibor",
    "andrás",
    "csaba",
    "imre",
    "lajos",
    "györgy",
    "balázs",
    "gyula",
    "mihály",
    "károly",
    "róbert",
    "béla",
    "dávid",
    "dániel",
    "ádám",
    "krisztián",
    "miklós",
    "norbert",
    "bence",
    "máté",
    "levente",
    "gergő",
    "ákos",
    "szabolcs",
    "géza",
    "mária",
    "erzsébet",
    "katalin",
    "éva",
    "ilona",
    "anna",
    "zsuzsanna",
    "margit",
    "judit",
    "ágnes",
    "andrea",
    "erika",
    "krisztina",
    "irén",
    "eszter",
    "mónika",
    "edit",
    "gabriella",
    "szilvia",
    "anita",
    "csilla",
    "tímea",
    "piroska",
    "ildikó",
    "júlia",
    "zsófia",
    "réka",
    "dóra",
    "orsolya",
    "nóra",
    "lilla",
    "boglárka",
    "viktória",
    "enikő",
    "hajnalka",
    "rozália",
];

/// A Hungarian name written family first ("Kovács Gábor", "Nagy Éva"): two or three words, the
/// first a common Hungarian family name that is no given name on the list, the last a
/// Hungarian given name. A guess, for one-string names only: "Gábor Kovács" stays given-first.
fn is_hungarian_family_first(tokens: &[String]) -> bool {
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let (Some(first), Some(last)) = (lower.first(), lower.last()) else {
        return false;
    };
    (2..=3).contains(&tokens.len())
        && HUNGARIAN_FAMILY_NAMES.contains(&first.as_str())
        && !HUNGARIAN_GIVEN_NAMES.contains(&first.as_str())
        && HUNGARIAN_GIVEN_NAMES.contains(&last.as_str())
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && matches!(u32::from(c), 0..=0x024F | 0x1E00..=0x1EFF)
}

const QUOTE_CHARS: &[char] = &[
    '"', '\'', '“', '”', '„', '‘', '’', '«', '»', '(', ')', '[', ']',
];

/// Split into tokens, dropping stray quotes/brackets around tokens and tokens
/// with no letter or digit left (a lone "-" or "&").
fn tokenize(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|t| t.trim_matches(QUOTE_CHARS))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------
// Nicknames, credentials, prefixes
// ---------------------------------------------------------------------------

/// What was taken out of a name string besides its tokens.
#[derive(Default)]
struct Extracted {
    nicknames: Vec<String>,
    suffixes: Vec<String>,
}

/// Longest quoted or parenthesised part we look for.
const MAX_NICKNAME_CHARS: usize = 64;

/// The closing delimiter for an opening one, if `open` starts a nickname.
fn closing_for(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '“' => Some('”'),
        '„' => Some('“'),
        '«' => Some('»'),
        '(' => Some(')'),
        '\'' => Some('\''),
        '‘' => Some('’'),
        _ => None,
    }
}

/// Take quoted and parenthesised parts out of a name.
///
/// `Robert "Bob" Smith` and `Robert (Bob) Smith` give the nickname "Bob";
/// `(she/her)` is dropped (pronouns are not a name part); `(PhD)` is a
/// credential. Single quotes count only at word boundaries so that "O'Neil"
/// is untouched. An unclosed delimiter is left in place.
fn take_bracketed(s: &str, out: &mut Extracted) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut rest = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let at_word_start = i == 0 || chars.get(i - 1).is_some_and(|p| p.is_whitespace());
        let close = closing_for(c).filter(|_| !matches!(c, '\'' | '‘') || at_word_start);
        let found = close.and_then(|close| {
            // A nickname is short; bounding the search keeps hostile input
            // ("((((…" of any length) linear.
            let window = (i + 1..chars.len()).take(MAX_NICKNAME_CHARS);
            let end = window.into_iter().find(|&j| chars.get(j) == Some(&close))?;
            let after_ok = chars
                .get(end + 1)
                .is_none_or(|n| n.is_whitespace() || *n == ',');
            (after_ok || c == '(' || c == '"').then_some(end)
        });
        match found {
            Some(end) => {
                let inner: String = chars.get(i + 1..end).unwrap_or_default().iter().collect();
                classify_bracketed(text::clean(&inner), out);
                rest.push(' ');
                i = end + 1;
            }
            None => {
                rest.push(c);
                i += 1;
            }
        }
    }
    text::clean(&rest)
}

fn classify_bracketed(inner: String, out: &mut Extracted) {
    if inner.is_empty() {
        return;
    }
    let lower = inner.to_lowercase();
    let is_pronouns = lower.contains('/')
        && lower
            .split('/')
            .all(|p| PRONOUNS.contains(&p.trim()) || p.trim().is_empty());
    if is_pronouns {
        return;
    }
    let words: Vec<&str> = inner.split([',', ' ']).filter(|w| !w.is_empty()).collect();
    if words.iter().all(|w| is_credential(w, true)) {
        out.suffixes.extend(words.iter().map(|w| w.to_string()));
    } else {
        out.nicknames.push(inner);
    }
}

/// Move trailing credentials ("Doe MBA", "King Jr.") from `tokens` into
/// `suffixes`, keeping at least `keep` tokens.
fn peel_trailing_credentials(tokens: &mut Vec<String>, keep: usize) -> Vec<String> {
    let mut peeled = Vec::new();
    while tokens.len() > keep {
        match tokens.last() {
            Some(t) if is_credential(t, false) => peeled.extend(tokens.pop()),
            _ => break,
        }
    }
    peeled.reverse();
    peeled
}

/// Move leading honorifics ("Dr.", "Prof. Dr.") into a prefix string, keeping
/// at least one token.
fn peel_prefixes(tokens: &mut Vec<String>) -> Vec<String> {
    let count = tokens
        .iter()
        .take(tokens.len().saturating_sub(1))
        .take_while(|t| is_prefix(t))
        .count();
    let rest = split_tail(tokens, count);
    std::mem::replace(tokens, rest)
}

/// Split a comma-separated name into its name segments and the credential
/// segments after them. A segment after the first is a credential segment
/// when every word in it is a credential, or an all-caps acronym after a
/// multi-word name ("Jane Doe, CSCP") or in a structured name field, which holds one name part
/// already (family "Sam, MSPH").
fn split_comma_segments(s: &str, structured: bool, out: &mut Extracted) -> Vec<String> {
    let mut segments = s.split(',').map(text::clean).filter(|x| !x.is_empty());
    let Some(first) = segments.next() else {
        return Vec::new();
    };
    let acronyms = structured || first.contains(' ');
    let mut names = vec![first];
    for seg in segments {
        let words = tokenize(&seg);
        let all_credentials = !words.is_empty()
            && words.iter().all(|w| {
                is_credential(w, true)
                    || (acronyms && looks_like_acronym(w) && (!structured || w.len() <= 5))
            });
        if all_credentials {
            out.suffixes.extend(words);
        } else {
            names.push(seg);
        }
    }
    names
}

// ---------------------------------------------------------------------------
// Re-casing
// ---------------------------------------------------------------------------

/// Whether a name is written in one case only and in Latin letters, the only
/// situation in which we know better than the person who typed it.
fn needs_recasing<'a>(tokens: impl Iterator<Item = &'a str>) -> bool {
    let mut upper = 0usize;
    let mut lower = 0usize;
    for c in tokens.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        if !is_latin_letter(c) {
            return false;
        }
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    (upper >= 2 && lower == 0) || (lower >= 1 && upper == 0)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Re-case one hyphen-free part of a lower-cased token: O'Neil, McDonald,
/// MacLeod (known names only), otherwise simple capitalisation.
fn recase_part(part: &str) -> String {
    if let Some((head, tail)) = part.split_once(['\'', '’']) {
        let apostrophe = if part.contains('’') { '’' } else { '\'' };
        if head.chars().count() == 1 && !tail.is_empty() {
            return format!("{}{apostrophe}{}", capitalize(head), capitalize(tail));
        }
    }
    if let Some(tail) = part.strip_prefix("mc").filter(|t| !t.is_empty()) {
        return format!("Mc{}", capitalize(tail));
    }
    if MAC_NAMES.contains(&part) {
        if let Some(tail) = part.strip_prefix("mac") {
            return format!("Mac{}", capitalize(tail));
        }
    }
    capitalize(part)
}

/// Re-case one token. Particles stay lower-case except at the very start of
/// the name (Dutch usage: "van Gogh" after a given name, "Van Gogh" alone);
/// "al-"/"el-" prefixes likewise; hyphenated parts are capitalised each.
fn recase_token(token: &str, first: bool) -> String {
    let lower = token.to_lowercase();
    if is_particle(&lower) {
        if lower == "st" || lower == "st." {
            return capitalize(&lower);
        }
        return if first { capitalize(&lower) } else { lower };
    }
    let parts: Vec<&str> = lower.split('-').collect();
    let last = parts.len().saturating_sub(1);
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let arabic_article = matches!(*p, "al" | "el") && i < last;
            if arabic_article && !(first && i == 0) {
                p.to_string()
            } else {
                recase_part(p)
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn recase_all(tokens: &mut [String], starts_name: bool) {
    for (i, t) in tokens.iter_mut().enumerate() {
        *t = recase_token(t, starts_name && i == 0);
    }
}

// ---------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------

/// Given / middle / family split of the name tokens in "First Middle Last"
/// order: the last token and the particles before it are the family name,
/// the first token the given name, the rest middle names.
fn split_given_family(mut tokens: Vec<String>) -> (Vec<String>, Vec<String>, Vec<String>) {
    if tokens.len() <= 1 {
        return (tokens, Vec::new(), Vec::new());
    }
    // "van Gogh" with no given name: the whole thing is a family name.
    let all_but_last_are_particles = tokens
        .iter()
        .take(tokens.len().saturating_sub(1))
        .all(|t| is_particle(t) && *t == t.to_lowercase());
    if all_but_last_are_particles {
        return (Vec::new(), Vec::new(), tokens);
    }
    let mut family_start = tokens.len().saturating_sub(1);
    while family_start > 1 && tokens.get(family_start - 1).is_some_and(|t| is_particle(t)) {
        family_start -= 1;
    }
    let family = split_tail(&mut tokens, family_start);
    let middle = split_tail(&mut tokens, 1);
    (tokens, middle, family)
}

/// `Vec::split_off` that cannot panic: an index past the end gives nothing.
fn split_tail(v: &mut Vec<String>, at: usize) -> Vec<String> {
    v.split_off(at.min(v.len()))
}

fn join(tokens: &[String]) -> String {
    tokens.join(" ")
}

/// The display core: given middle family, or family given for East Asian
/// names (spaced as they were typed).
fn core_name(given: &str, middle: &str, family: &str) -> String {
    let parts: Vec<&str> = if is_east_asian(family) || is_east_asian(given) {
        vec![family, given, middle]
    } else {
        vec![given, middle, family]
    };
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether [`name_segments`] would return a cleaned name as it is: ASCII letters, digits,
/// spaces, dots and hyphens hold no symbol, headline separator, bracket, quote or comma.
fn is_plain(cleaned: &str) -> bool {
    cleaned
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'.' | b'-'))
        && !cleaned.contains(" - ")
}

/// A cleaned name without decoration, headline and bracketed parts (those go to `out`), and
/// its comma segments: [`undecorate`], [`take_bracketed`], [`split_comma_segments`].
fn name_segments(cleaned: &str, structured: bool, out: &mut Extracted) -> (String, Vec<String>) {
    // Most names are plain: each of the three steps would give them back unchanged (or empty
    // when there is no letter or digit), so they are skipped with their allocations.
    if is_plain(cleaned) {
        if !cleaned.bytes().any(|b| b.is_ascii_alphanumeric()) {
            return (String::new(), Vec::new());
        }
        return (cleaned.to_string(), vec![cleaned.to_string()]);
    }
    let plain = undecorate(cleaned);
    let plain = take_bracketed(&plain, out);
    let segments = split_comma_segments(&plain, structured, out);
    (plain, segments)
}

/// Split a full name (Facebook, Telegram, LinkedIn invitations, vCard FN).
///
/// See the module documentation for the rule order. Examples:
/// "Dr. Jane Q. Doe, MBA 🚀" -> prefix "Dr.", given "Jane", middle "Q.",
/// family "Doe", suffix "MBA", full "Jane Q. Doe"; "Doe, Jane" -> given
/// "Jane", family "Doe"; "LUDWIG VAN BEETHOVEN" -> "Ludwig" / "van Beethoven".
pub fn parse_full(full: &str) -> NameParts {
    let cleaned = text::clean(full);
    if cleaned.is_empty() {
        return NameParts::default();
    }
    let mut extracted = Extracted::default();
    let (plain, segments) = name_segments(&cleaned, false, &mut extracted);

    let mut segment_tokens = segments.iter().map(|s| tokenize(s));
    let mut main = segment_tokens.next().unwrap_or_default();
    let rest: Vec<String> = segment_tokens.flatten().collect();

    let mut prefix;
    let (given, middle, family, east_asian);
    // Written family name first in Latin script (Vietnamese, Hungarian): `full` keeps the
    // written order, which `written` holds.
    let mut family_first = false;
    let mut written: Vec<String> = Vec::new();
    if rest.is_empty() {
        prefix = peel_prefixes(&mut main);
        let mut suffix = peel_trailing_credentials(&mut main, 1);
        suffix.append(&mut extracted.suffixes);
        extracted.suffixes = suffix;
        east_asian = !main.is_empty() && main.iter().all(|t| is_east_asian(t));
        if east_asian && main.len() == 1 {
            // Unspaced CJK: no split (see module doc).
            (given, middle, family) = (Vec::new(), Vec::new(), Vec::new());
        } else if east_asian {
            let rest_given = split_tail(&mut main, 1);
            (given, middle, family) = (rest_given, Vec::new(), main);
        } else if is_hungarian_family_first(&main) {
            // The family name, then the given names in their order: "Nagy Anna Mária".
            family_first = true;
            written.clone_from(&main);
            let mut rest = split_tail(&mut main, 1);
            let more = split_tail(&mut rest, 1);
            (given, middle, family) = (rest, more, main);
        } else if is_vietnamese_family_first(&main) {
            // The family name, middle names, and the given name last: "Lê Văn Hùng".
            family_first = true;
            written.clone_from(&main);
            let mut rest = split_tail(&mut main, 1);
            let last = rest.pop().into_iter().collect();
            (given, middle, family) = (last, rest, main);
        } else {
            (given, middle, family) = split_given_family(main);
        }
    } else {
        // "Last, First Middle": the first segment is the family name.
        let mut first_part = rest;
        prefix = peel_prefixes(&mut first_part);
        let mut suffix = peel_trailing_credentials(&mut main, 1);
        suffix.extend(peel_trailing_credentials(&mut first_part, 1));
        suffix.append(&mut extracted.suffixes);
        extracted.suffixes = suffix;
        east_asian = false;
        let middle_tokens = split_tail(&mut first_part, 1);
        (given, middle, family) = (first_part, middle_tokens, main);
    }

    let (mut given, mut middle, mut family) = (given, middle, family);
    let mut nicknames = extracted.nicknames;
    let recase = !east_asian
        && needs_recasing(
            prefix
                .iter()
                .chain(&given)
                .chain(&middle)
                .chain(&family)
                .map(String::as_str),
        );
    if recase {
        recase_all(&mut prefix, false);
        recase_all(&mut given, true);
        recase_all(&mut middle, given.is_empty());
        recase_all(&mut family, given.is_empty() && middle.is_empty());
        for n in &mut nicknames {
            *n = tokenize(n)
                .iter()
                .map(|t| recase_token(t, true))
                .collect::<Vec<_>>()
                .join(" ");
        }
    }

    let mut parts = NameParts {
        full: String::new(),
        given: join(&given),
        middle: join(&middle),
        family: join(&family),
        prefix: join(&prefix),
        suffix: extracted.suffixes.join(", "),
        nickname: nicknames.join(" "),
    };
    parts.full = if family_first {
        if recase {
            recase_all(&mut written, true);
        }
        join(&written)
    } else {
        core_name(&parts.given, &parts.middle, &parts.family)
    };
    if parts.full.is_empty() {
        // Nothing split (unspaced CJK, or only symbols): keep what was typed.
        parts.full = if plain.is_empty() { cleaned } else { plain };
    }
    parts
}

/// Clean one structured field: hygiene, decoration, nicknames; then split
/// off credential segments after commas and trailing credential words.
/// `keep` is how many name words must survive the credential peel.
fn clean_field(field: &str, keep: usize, out: &mut Extracted) -> Vec<String> {
    let (_, segments) = name_segments(&text::clean(field), true, out);
    let comma_suffixes = std::mem::take(&mut out.suffixes);
    // A comma segment that is not a credential stays in the field as typed
    // ("Finn, Graves Dahl"): we cannot tell what it is, so nothing is lost.
    let mut tokens = Vec::new();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        let mut seg_tokens = tokenize(seg);
        if i < last {
            if let Some(t) = seg_tokens.last_mut() {
                t.push(',');
            }
        }
        tokens.append(&mut seg_tokens);
    }
    let mut suffixes = peel_trailing_credentials(&mut tokens, keep);
    suffixes.extend(comma_suffixes);
    out.suffixes = suffixes;
    tokens
}

/// Clean structured name parts (LinkedIn First/Last, Telegram, Google).
///
/// Each part is cleaned like a full name — decoration, nicknames,
/// credentials ("Božić, Ph.D." -> family "Božić", suffix "Ph.D."), honorifics
/// in the given name — but not re-split: a two-word first name stays the
/// given name. Re-casing looks at both parts together. `full` is
/// "given family" (family-first without space for CJK names, their
/// convention).
pub fn from_parts(given: &str, family: &str) -> NameParts {
    let mut given_out = Extracted::default();
    let mut family_out = Extracted::default();
    let mut given_tokens = clean_field(given, 1, &mut given_out);
    let mut prefix = peel_prefixes(&mut given_tokens);
    // A family field made only of credentials ("MBA") empties into the
    // suffix when a given name carries the person.
    let family_keep = usize::from(given_tokens.is_empty());
    let mut family_tokens = clean_field(family, family_keep, &mut family_out);

    let recase = needs_recasing(
        prefix
            .iter()
            .chain(&given_tokens)
            .chain(&family_tokens)
            .map(String::as_str),
    );
    let mut nicknames: Vec<String> = given_out
        .nicknames
        .into_iter()
        .chain(family_out.nicknames)
        .collect();
    if recase {
        recase_all(&mut prefix, false);
        recase_all(&mut given_tokens, true);
        recase_all(&mut family_tokens, given_tokens.is_empty());
        for n in &mut nicknames {
            *n = tokenize(n)
                .iter()
                .map(|t| recase_token(t, true))
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    let suffixes: Vec<String> = given_out
        .suffixes
        .into_iter()
        .chain(family_out.suffixes)
        .collect();

    let mut parts = NameParts {
        full: String::new(),
        given: join(&given_tokens),
        middle: String::new(),
        family: join(&family_tokens),
        prefix: join(&prefix),
        suffix: suffixes.join(", "),
        nickname: nicknames.join(" "),
    };
    parts.full = if is_east_asian(&parts.given) && is_east_asian(&parts.family) {
        format!("{}{}", parts.family, parts.given)
    } else {
        core_name(&parts.given, "", &parts.family)
    };
    if parts.full.is_empty() {
        // Only symbols were typed: keep them rather than lose the record's name.
        parts.full = text::clean(&format!("{given} {family}"));
    }
    parts
}

/// Rebuild a display name from parts: "prefix given middle family, suffix"
/// (family first for East Asian names); falls back to `full`, then to the
/// nickname, when no part is set.
pub fn display_full(p: &NameParts) -> String {
    let mut core = core_name(p.given.trim(), p.middle.trim(), p.family.trim());
    if core.is_empty() {
        core = p.full.trim().to_string();
    }
    if core.is_empty() {
        core = p.nickname.trim().to_string();
    }
    if core.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    if !p.prefix.trim().is_empty() {
        out.push_str(p.prefix.trim());
        out.push(' ');
    }
    out.push_str(&core);
    if !p.suffix.trim().is_empty() {
        out.push_str(", ");
        out.push_str(p.suffix.trim());
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn unspaced_east_asian_names_split_for_matching() {
        assert_eq!(split_unspaced_east_asian("毛海华"), Some(("毛", "海华")));
        assert_eq!(split_unspaced_east_asian("赵芳"), Some(("赵", "芳")));
        assert_eq!(
            split_unspaced_east_asian("欧阳娜娜"),
            Some(("欧阳", "娜娜"))
        );
        assert_eq!(split_unspaced_east_asian("司马光"), Some(("司马", "光")));
        assert_eq!(split_unspaced_east_asian("김민준"), Some(("김", "민준")));
        assert_eq!(split_unspaced_east_asian("山田たろう"), None);
        assert_eq!(split_unspaced_east_asian("王 小明"), None);
        assert_eq!(split_unspaced_east_asian("王"), None);
        assert_eq!(split_unspaced_east_asian("Jane"), None);
    }

    use super::*;

    #[test]
    fn plain_names_skip_steps_that_would_not_change_them() {
        let cases = [
            "",
            ".",
            "-",
            ". -",
            "Jane",
            "Jane Doe",
            "Mary-Jane",
            "J. R. R. Tolkien",
            "Doe MBA",
            "Jane Doe - Recruiter",
            "Anna Smith - Jones",
            "Dr Jane",
            "O'Neil",
            "Doe, Jane",
            "Jane (Bob) Doe",
            "Jane | CEO",
            "x1 2y",
            "-Jane-",
            "Jane -Doe",
            "Jane- Doe",
        ];
        for cleaned in cases.map(text::clean) {
            for structured in [false, true] {
                let mut fast = Extracted::default();
                let got = name_segments(&cleaned, structured, &mut fast);
                let mut slow = Extracted::default();
                let plain = take_bracketed(&undecorate(&cleaned), &mut slow);
                let segments = split_comma_segments(&plain, structured, &mut slow);
                assert_eq!(got, (plain, segments), "{cleaned:?}");
                assert_eq!(fast.nicknames, slow.nicknames, "{cleaned:?}");
                assert_eq!(fast.suffixes, slow.suffixes, "{cleaned:?}");
            }
        }
    }

    /// Compact expectation: (full, given, middle, family, prefix, suffix, nickname).
    type Expect = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );

    fn parts(e: Expect) -> NameParts {
        NameParts {
            full: e.0.into(),
            given: e.1.into(),
            middle: e.2.into(),
            family: e.3.into(),
            prefix: e.4.into(),
            suffix: e.5.into(),
            nickname: e.6.into(),
        }
    }

    #[test]
    fn parse_full_splits_and_cleans() {
        let cases: &[(&str, Expect)] = &[
            ("Jane Doe", ("Jane Doe", "Jane", "", "Doe", "", "", "")),
            (
                "Jane Q. Doe",
                ("Jane Q. Doe", "Jane", "Q.", "Doe", "", "", ""),
            ),
            ("Cher", ("Cher", "Cher", "", "", "", "", "")),
            ("", ("", "", "", "", "", "", "")),
            ("   ", ("", "", "", "", "", "", "")),
            // Last, First
            ("Doe, Jane", ("Jane Doe", "Jane", "", "Doe", "", "", "")),
            (
                "Doe, Jane Q.",
                ("Jane Q. Doe", "Jane", "Q.", "Doe", "", "", ""),
            ),
            (
                "van der Berg, Jan",
                ("Jan van der Berg", "Jan", "", "van der Berg", "", "", ""),
            ),
            // credentials
            ("Doe, MBA", ("Doe", "Doe", "", "", "", "MBA", "")),
            (
                "Jane Doe, MBA 🚀",
                ("Jane Doe", "Jane", "", "Doe", "", "MBA", ""),
            ),
            (
                "Jane Doe, MBA, PMP",
                ("Jane Doe", "Jane", "", "Doe", "", "MBA, PMP", ""),
            ),
            (
                "Jane Doe MBA PMP",
                ("Jane Doe", "Jane", "", "Doe", "", "MBA, PMP", ""),
            ),
            (
                "Ana Božić, Ph.D.",
                ("Ana Božić", "Ana", "", "Božić", "", "Ph.D.", ""),
            ),
            (
                "Martin Luther King Jr.",
                (
                    "Martin Luther King",
                    "Martin",
                    "Luther",
                    "King",
                    "",
                    "Jr.",
                    "",
                ),
            ),
            (
                "John Smith III",
                ("John Smith", "John", "", "Smith", "", "III", ""),
            ),
            (
                "Jane Doe, CSCP",
                ("Jane Doe", "Jane", "", "Doe", "", "CSCP", ""),
            ),
            ("Jack Ma", ("Jack Ma", "Jack", "", "Ma", "", "", "")),
            (
                "Doe Jr., John",
                ("John Doe", "John", "", "Doe", "", "Jr.", ""),
            ),
            (
                "Jane Doe (PhD)",
                ("Jane Doe", "Jane", "", "Doe", "", "PhD", ""),
            ),
            // prefixes
            (
                "Dr. Jane Doe",
                ("Jane Doe", "Jane", "", "Doe", "Dr.", "", ""),
            ),
            (
                "Prof. Dr. Hans Müller",
                ("Hans Müller", "Hans", "", "Müller", "Prof. Dr.", "", ""),
            ),
            (
                "Dr. med. Hans Meier",
                ("Hans Meier", "Hans", "", "Meier", "Dr. med.", "", ""),
            ),
            (
                "Eng. Ahmed Hassan",
                ("Ahmed Hassan", "Ahmed", "", "Hassan", "Eng.", "", ""),
            ),
            ("Eng Chen", ("Eng Chen", "Eng", "", "Chen", "", "", "")),
            ("Dr.", ("Dr.", "Dr.", "", "", "", "", "")),
            // particles
            (
                "Ludwig van Beethoven",
                (
                    "Ludwig van Beethoven",
                    "Ludwig",
                    "",
                    "van Beethoven",
                    "",
                    "",
                    "",
                ),
            ),
            (
                "Maria de la Cruz",
                ("Maria de la Cruz", "Maria", "", "de la Cruz", "", "", ""),
            ),
            ("van gogh", ("Van Gogh", "", "", "Van Gogh", "", "", "")),
            (
                "Van Morrison",
                ("Van Morrison", "Van", "", "Morrison", "", "", ""),
            ),
            (
                "John E Smith",
                ("John E Smith", "John", "E", "Smith", "", "", ""),
            ),
            // re-casing
            (
                "LUDWIG VAN BEETHOVEN",
                (
                    "Ludwig van Beethoven",
                    "Ludwig",
                    "",
                    "van Beethoven",
                    "",
                    "",
                    "",
                ),
            ),
            (
                "ronald mcdonald",
                ("Ronald McDonald", "Ronald", "", "McDonald", "", "", ""),
            ),
            (
                "SHAQUILLE O'NEAL",
                ("Shaquille O'Neal", "Shaquille", "", "O'Neal", "", "", ""),
            ),
            (
                "ANNE-MARIE MACLEOD",
                (
                    "Anne-Marie MacLeod",
                    "Anne-Marie",
                    "",
                    "MacLeod",
                    "",
                    "",
                    "",
                ),
            ),
            ("TOVE MACK", ("Tove Mack", "Tove", "", "Mack", "", "", "")),
            (
                "OMAR AL-RASHID",
                ("Omar al-Rashid", "Omar", "", "al-Rashid", "", "", ""),
            ),
            ("Gale FORD", ("Gale FORD", "Gale", "", "FORD", "", "", "")),
            (
                "deShawn McKee",
                ("deShawn McKee", "deShawn", "", "McKee", "", "", ""),
            ),
            // nicknames and pronouns
            (
                "Robert \"Bob\" Smith",
                ("Robert Smith", "Robert", "", "Smith", "", "", "Bob"),
            ),
            (
                "Robert (Bob) Smith",
                ("Robert Smith", "Robert", "", "Smith", "", "", "Bob"),
            ),
            (
                "Elizabeth 'Liz' O'Neil",
                ("Elizabeth O'Neil", "Elizabeth", "", "O'Neil", "", "", "Liz"),
            ),
            (
                "Alex Kim (they/them)",
                ("Alex Kim", "Alex", "", "Kim", "", "", ""),
            ),
            // decoration
            (
                "𝓔𝔃𝓻𝓪  𝓕𝓸𝓻𝓭 𝓞𝓶𝓪𝓻",
                ("Ezra Ford Omar", "Ezra", "Ford", "Omar", "", "", ""),
            ),
            (
                "★ Jane Doe ✨ | Recruiter at Acme",
                ("Jane Doe", "Jane", "", "Doe", "", "", ""),
            ),
        ];
        for &(input, expected) in cases {
            assert_eq!(parse_full(input), parts(expected), "input {input:?}");
        }
    }

    #[test]
    fn parse_full_keeps_non_latin_scripts() {
        let cases: &[(&str, Expect)] = &[
            ("王小明", ("王小明", "", "", "", "", "", "")),
            ("山田 太郎", ("山田 太郎", "太郎", "", "山田", "", "", "")),
            ("김민준", ("김민준", "", "", "", "", "", "")),
            (
                "Алексей Иванов",
                ("Алексей Иванов", "Алексей", "", "Иванов", "", "", ""),
            ),
            (
                "АЛЕКСЕЙ ИВАНОВ",
                ("АЛЕКСЕЙ ИВАНОВ", "АЛЕКСЕЙ", "", "ИВАНОВ", "", "", ""),
            ),
            (
                "Γιώργος Παπαδόπουλος",
                (
                    "Γιώργος Παπαδόπουλος",
                    "Γιώργος",
                    "",
                    "Παπαδόπουλος",
                    "",
                    "",
                    "",
                ),
            ),
            (
                "محمد عبد الله",
                ("محمد عبد الله", "محمد", "عبد", "الله", "", "", ""),
            ),
            ("🚀", ("🚀", "", "", "", "", "", "")),
        ];
        for &(input, expected) in cases {
            assert_eq!(parse_full(input), parts(expected), "input {input:?}");
        }
    }

    #[test]
    fn from_parts_cleans_structured_fields() {
        let cases: &[((&str, &str), Expect)] = &[
            (("Jane", "Doe"), ("Jane Doe", "Jane", "", "Doe", "", "", "")),
            (
                ("Ezra ", "Vera "),
                ("Ezra Vera", "Ezra", "", "Vera", "", "", ""),
            ),
            (
                ("Ana", "Božić, Ph.D."),
                ("Ana Božić", "Ana", "", "Božić", "", "Ph.D.", ""),
            ),
            (
                ("Eda", "Vera, PhD"),
                ("Eda Vera", "Eda", "", "Vera", "", "PhD", ""),
            ),
            (
                ("Wren", "Ines, PMP"),
                ("Wren Ines", "Wren", "", "Ines", "", "PMP", ""),
            ),
            (
                ("Graves", "Hale Jr."),
                ("Graves Hale", "Graves", "", "Hale", "", "Jr.", ""),
            ),
            (("Jane", "MBA"), ("Jane", "Jane", "", "", "", "MBA", "")),
            (
                ("Ben", "Carver ☁"),
                ("Ben Carver", "Ben", "", "Carver", "", "", ""),
            ),
            (
                ("𝓔𝔃𝓻𝓪 ", "𝓕𝓸𝓻𝓭 𝓞𝓶𝓪𝓻"),
                ("Ezra Ford Omar", "Ezra", "", "Ford Omar", "", "", ""),
            ),
            (("𝐉𝐚𝐧𝐞", "𝐃𝐨𝐞"), ("Jane Doe", "Jane", "", "Doe", "", "", "")),
            (
                ("lars", "dana"),
                ("Lars Dana", "Lars", "", "Dana", "", "", ""),
            ),
            (
                ("Uri Lowe", "Noa"),
                ("Uri Lowe Noa", "Uri Lowe", "", "Noa", "", "", ""),
            ),
            (
                ("Pike", "Finn, Graves Dahl Marsh"),
                (
                    "Pike Finn, Graves Dahl Marsh",
                    "Pike",
                    "",
                    "Finn, Graves Dahl Marsh",
                    "",
                    "",
                    "",
                ),
            ),
            (
                ("Dr. Jane", "Doe"),
                ("Jane Doe", "Jane", "", "Doe", "Dr.", "", ""),
            ),
            (
                ("Robert (Bob)", "Smith"),
                ("Robert Smith", "Robert", "", "Smith", "", "", "Bob"),
            ),
            (("小明", "王"), ("王小明", "小明", "", "王", "", "", "")),
            (("", ""), ("", "", "", "", "", "", "")),
        ];
        for &((given, family), expected) in cases {
            assert_eq!(
                from_parts(given, family),
                parts(expected),
                "input {given:?} {family:?}"
            );
        }
    }

    #[test]
    fn display_full_rebuilds() {
        let cases = [
            (parse_full("Dr. Jane Q. Doe, PhD"), "Dr. Jane Q. Doe, PhD"),
            (parse_full("Jane Doe"), "Jane Doe"),
            (parse_full("王小明"), "王小明"),
            (parse_full("山田 太郎"), "山田 太郎"),
            (from_parts("Ana", "Božić, Ph.D."), "Ana Božić, Ph.D."),
            (
                NameParts {
                    nickname: "Bob".into(),
                    ..NameParts::default()
                },
                "Bob",
            ),
            (NameParts::default(), ""),
        ];
        for (input, expected) in cases {
            assert_eq!(display_full(&input), expected, "input {input:?}");
        }
    }

    #[test]
    fn undecorate_maps_fancy_letters_and_drops_symbols() {
        let cases = [
            ("𝐉𝐚𝐧𝐞", "Jane"),
            ("𝓔𝔃𝓻𝓪", "Ezra"),
            ("ℌ𝔢𝔩𝔩𝔬", "Hello"),
            ("𝟙𝟚𝟛", "123"),
            ("ｊａｎｅ", "jane"),
            ("Ⓙⓐⓝⓔ", "Jane"),
            ("Jane 🚀🇺🇸", "Jane"),
            ("Jane ❤️ Doe", "Jane Doe"),
            ("Jane Doe™", "Jane Doe"),
            ("Jane Doe | CMO", "Jane Doe"),
            ("| Jane", "Jane"),
            ("Jane Doe – Recruiter", "Jane Doe"),
            ("Anne-Marie", "Anne-Marie"),
            ("Col·lell", "Col·lell"),
            ("王小明", "王小明"),
        ];
        for (input, expected) in cases {
            assert_eq!(undecorate(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn recasing_rules() {
        let cases = [
            ("o'neil", "O'Neil"),
            ("d'angelo", "D'Angelo"),
            ("mcdonald", "McDonald"),
            ("macleod", "MacLeod"),
            ("machado", "Machado"),
            ("anne-marie", "Anne-Marie"),
            ("van", "van"),
            ("st.", "St."),
            ("łukasz", "Łukasz"),
            ("ølstad", "Ølstad"),
        ];
        for (input, expected) in cases {
            assert_eq!(recase_token(input, false), expected, "input {input:?}");
        }
    }

    #[test]
    fn headlines_after_a_spaced_hyphen_are_cut_and_double_names_kept() {
        let cases: &[(&str, Expect)] = &[
            (
                "Jane Taylor - Recruiter",
                ("Jane Taylor", "Jane", "", "Taylor", "", "", ""),
            ),
            (
                "Sam Lee - Head of Data",
                ("Sam Lee", "Sam", "", "Lee", "", "", ""),
            ),
            (
                "Anna Smith - Jones",
                ("Anna Smith-Jones", "Anna", "", "Smith-Jones", "", "", ""),
            ),
            (
                "Jean - Pierre Dupont",
                (
                    "Jean-Pierre Dupont",
                    "Jean-Pierre",
                    "",
                    "Dupont",
                    "",
                    "",
                    "",
                ),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_full(input), parts(*expected), "{input:?}");
        }
        let p = from_parts("Jane", "Taylor - Recruiter");
        assert_eq!((p.given.as_str(), p.family.as_str()), ("Jane", "Taylor"));
        assert_eq!(p.full, "Jane Taylor");
    }

    #[test]
    fn credentials_leave_the_family_name() {
        let p = from_parts("Jordan", "Sam, MSPH");
        assert_eq!((p.family.as_str(), p.suffix.as_str()), ("Sam", "MSPH"));
        let p = from_parts("Hans", "Müller, Dipl.-Ing.");
        assert_eq!(
            (p.family.as_str(), p.suffix.as_str()),
            ("Müller", "Dipl.-Ing.")
        );
        let p = from_parts("Dipl.-Ing. Hans", "Müller");
        assert_eq!(
            (p.prefix.as_str(), p.given.as_str()),
            ("Dipl.-Ing.", "Hans")
        );
        let p = parse_full("Dipl.-Ing. Hans Müller");
        assert_eq!(
            (p.prefix.as_str(), p.given.as_str(), p.family.as_str()),
            ("Dipl.-Ing.", "Hans", "Müller")
        );
        // A comma segment that is no credential stays as typed.
        assert_eq!(from_parts("Finn", "Graves, Dahl").family, "Graves, Dahl");
    }

    #[test]
    fn vietnamese_and_hungarian_names_written_family_first_keep_their_order() {
        let cases: &[(&str, Expect)] = &[
            (
                "Lê Văn Hùng",
                ("Lê Văn Hùng", "Hùng", "Văn", "Lê", "", "", ""),
            ),
            (
                "Nguyễn Thị Mai",
                ("Nguyễn Thị Mai", "Mai", "Thị", "Nguyễn", "", "", ""),
            ),
            ("Trần Bình", ("Trần Bình", "Bình", "", "Trần", "", "", "")),
            // Given name first, as many write it abroad: left in Western order.
            ("Hùng Lê", ("Hùng Lê", "Hùng", "", "Lê", "", "", "")),
            // French "Le", no Vietnamese letters: Western order.
            (
                "Le Corbusier",
                ("Le Corbusier", "Le", "", "Corbusier", "", "", ""),
            ),
            (
                "LÊ VĂN HÙNG",
                ("Lê Văn Hùng", "Hùng", "Văn", "Lê", "", "", ""),
            ),
            // Hungarian written family first, and the same person written given first.
            (
                "Kovács Gábor",
                ("Kovács Gábor", "Gábor", "", "Kovács", "", "", ""),
            ),
            (
                "Nagy Anna Mária",
                ("Nagy Anna Mária", "Anna", "Mária", "Nagy", "", "", ""),
            ),
            (
                "Gábor Kovács",
                ("Gábor Kovács", "Gábor", "", "Kovács", "", "", ""),
            ),
            // "Sándor" is both: nothing says which, Western order.
            (
                "Sándor Péter",
                ("Sándor Péter", "Sándor", "", "Péter", "", "", ""),
            ),
            (
                "Simon Peter",
                ("Simon Peter", "Simon", "", "Peter", "", "", ""),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_full(input), parts(*expected), "{input:?}");
        }
    }
}
