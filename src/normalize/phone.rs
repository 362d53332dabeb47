//! Phones (temporary minimal version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNorm {
    pub e164: Option<String>,
    pub extension: Option<String>,
    pub raw: String,
}

pub fn normalize(raw: &str, region: Option<&str>) -> PhoneNorm {
    let raw = raw.trim().to_string();
    let country = region.and_then(|r| r.parse::<phonenumber::country::Id>().ok());
    let e164 = std::panic::catch_unwind(|| phonenumber::parse(country, &raw).ok())
        .ok()
        .flatten()
        .filter(phonenumber::is_valid)
        .map(|n| n.format().mode(phonenumber::Mode::E164).to_string());
    PhoneNorm {
        e164,
        extension: None,
        raw,
    }
}

pub fn region_of(_e164: &str) -> Option<String> {
    None
}

pub fn label(raw_label: &str) -> Option<&'static str> {
    match raw_label.trim().to_lowercase().as_str() {
        "mobile" | "cell" => Some("mobile"),
        "home" => Some("home"),
        "work" => Some("work"),
        "fax" => Some("fax"),
        _ => None,
    }
}
