//! Earlier solutions: full-text queries built safely from what people type, knowledge-base
//! articles, and the suggestions shown while a ticket is written or triaged.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::validation::TextRule;

pub const TITLE: TextRule = TextRule { field: "title", label: "Title", max_chars: 150, multiline: false };
pub const BODY: TextRule = TextRule { field: "body", label: "Article", max_chars: 20_000, multiline: true };

/// Words worth searching for: letters and digits only (so FTS5 operators and quotes in
/// the input are inert), at least two characters, at most eight distinct words.
pub fn terms(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase) {
        if word.chars().count() >= 2 && !words.contains(&word) && words.len() < 8 {
            words.push(word);
        }
    }
    words
}

fn quoted(words: &[String]) -> Vec<String> {
    // Each word is a quoted prefix search: "vpn"* also finds "vpnclient" while typing.
    words.iter().map(|word| format!("\"{word}\"*")).collect()
}

/// An FTS5 query matching rows that contain every word (console search).
pub fn match_all(text: &str) -> Option<String> {
    let words = terms(text);
    (!words.is_empty()).then(|| quoted(&words).join(" AND "))
}

/// An FTS5 query matching rows that contain any word, best matches first (suggestions).
pub fn match_any(text: &str) -> Option<String> {
    let words = terms(text);
    (!words.is_empty()).then(|| quoted(&words).join(" OR "))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: i64,
    pub title: String,
    pub body: String,
    /// The ticket whose resolution the article was written from (staff only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ticket_id: Option<i64>,
    pub published: bool,
    pub author: String,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

/// A line in a list or a suggestion: the title and the start of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub excerpt: String,
    pub published: bool,
}

pub const EXCERPT_CHARS: usize = 160;

/// The first words of a text, cut at a word boundary.
pub fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |space| &cut[..space]);
    format!("{at_word}…")
}

/// `POST /api/kb` and, with `version`, `PATCH /api/kb/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub source_ticket_id: Option<i64>,
    #[serde(default)]
    pub published: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

impl ArticleInput {
    pub fn validate(&self) -> Result<ArticleInput, ApiError> {
        let title = TITLE.required(&self.title)?;
        let body = BODY.required(&self.body)?;
        Ok(ArticleInput { title, body, ..self.clone() })
    }
}

/// A resolved ticket like the one at hand (staff only: it belongs to another customer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarTicket {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub resolution: Option<String>,
}

/// `GET /api/suggestions?q=`: earlier solutions for a text being written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestions {
    pub tickets: Vec<SimilarTicket>,
    pub articles: Vec<ArticleSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_syntax_in_the_input_is_inert() {
        assert_eq!(terms(r#"VPN "drops" OR NEAR(x) * -a ^b:c"#), vec!["vpn", "drops", "or", "near"]);
        assert_eq!(match_all("vpn drops"), Some(r#""vpn"* AND "drops"*"#.to_string()));
        assert_eq!(match_any("vpn drops"), Some(r#""vpn"* OR "drops"*"#.to_string()));
        assert_eq!(match_all("% _ !"), None);
        assert_eq!(terms("Æblegrød på Ærø"), vec!["æblegrød", "på", "ærø"]);
        assert_eq!(terms(&"word ".repeat(3)), vec!["word"]);
        assert_eq!(
            terms("a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii").len(),
            8
        );
    }

    #[test]
    fn excerpts_stop_at_a_word() {
        assert_eq!(excerpt("short\n\ntext"), "short text");
        let long = "lorem ipsum ".repeat(40);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
        assert!(!cut.contains("  "));
    }

    #[test]
    fn articles_need_a_title_and_a_body() {
        assert!(ArticleInput::default().validate().is_err());
        let valid = ArticleInput {
            title: " VPN error 809 ".into(),
            body: "Renew the certificate.".into(),
            ..ArticleInput::default()
        };
        assert_eq!(valid.validate().unwrap().title, "VPN error 809");
    }
}
