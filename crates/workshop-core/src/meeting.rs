//! (interim: replaced by the meeting task's module) Zoom meeting links.
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    NotHttps(String),
}

impl LinkError {
    pub fn code(&self) -> &'static str {
        "not-https"
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotHttps(s) => write!(f, "{s:?} is not an https link"),
        }
    }
}

impl std::error::Error for LinkError {}

pub fn validate_link(url: &str) -> Result<String, LinkError> {
    if url.starts_with("https://") { Ok(url.to_owned()) } else { Err(LinkError::NotHttps(url.to_owned())) }
}
