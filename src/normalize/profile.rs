//! Profiles (temporary minimal version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub service: String,
    pub url: String,
    pub handle: String,
}

pub fn canonical(input: &str, _hint: Option<&str>) -> Option<Profile> {
    let s = input.trim().to_lowercase();
    let idx = s.find("linkedin.com/in/")?;
    let slug = s.get(idx + "linkedin.com/in/".len()..)?;
    let slug = slug.split(['/', '?', '#']).next()?.to_string();
    if slug.is_empty() {
        return None;
    }
    Some(Profile {
        service: "linkedin".into(),
        url: format!("https://www.linkedin.com/in/{slug}"),
        handle: slug,
    })
}
