//! Categories (with subcategories and the affected service) and their initial-diagnosis
//! questions, which the customer form asks and the ticket records.

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode, FieldError};
use crate::validation::TextRule;

pub const NAME: TextRule = TextRule { field: "name", label: "Name", max_chars: 80, multiline: false };
pub const SERVICE: TextRule =
    TextRule { field: "service", label: "Service", max_chars: 150, multiline: false };
pub const QUESTION: TextRule =
    TextRule { field: "questions", label: "Question", max_chars: 200, multiline: false };
pub const ANSWER: TextRule = TextRule { field: "answers", label: "Answer", max_chars: 1000, multiline: true };
pub const MAX_QUESTIONS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: i64,
    pub name: String,
    /// The parent category: "Network › VPN".
    pub parent_id: Option<i64>,
    /// The affected service or element this category usually concerns.
    pub service: Option<String>,
    pub questions: Vec<String>,
    pub active: bool,
    pub version: i64,
}

/// `POST /api/admin/categories` and, with `version`, `PATCH /api/admin/categories/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub parent_id: Option<i64>,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default = "active_by_default")]
    pub active: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
}

fn active_by_default() -> bool {
    true
}

impl CategoryInput {
    pub fn validate(&self) -> Result<CategoryInput, ApiError> {
        let name = NAME.required(&self.name)?;
        let service = SERVICE.optional(self.service.as_deref())?;
        let mut questions = Vec::new();
        for question in &self.questions {
            if let Some(question) = QUESTION.optional(Some(question))? {
                questions.push(question);
            }
        }
        if questions.len() > MAX_QUESTIONS {
            return Err(ApiError::new(ErrorCode::InvalidValue, format!("At most {MAX_QUESTIONS} questions"))
                .with_field("questions"));
        }
        Ok(CategoryInput { name, service, questions, ..self.clone() })
    }
}

/// A diagnosis question and what the reporter answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    pub answer: String,
}

/// Keeps the answers to questions the category really asks (blank answers dropped), so a
/// client cannot file arbitrary "questions" on a ticket.
pub fn check_answers(questions: &[String], answers: &[Answer]) -> Result<Vec<Answer>, ApiError> {
    let mut kept = Vec::new();
    for answer in answers {
        if !questions.contains(&answer.question) {
            return Err(ApiError::from(FieldError {
                field: "answers".into(),
                code: ErrorCode::InvalidValue,
                message: format!("The category does not ask {:?}", answer.question),
            }));
        }
        if let Some(text) = ANSWER.optional(Some(&answer.answer))? {
            kept.push(Answer { question: answer.question.clone(), answer: text });
        }
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_categorys_own_questions_are_kept() {
        let questions = vec!["Which app version?".to_string()];
        let answer = |q: &str, a: &str| Answer { question: q.into(), answer: a.into() };
        let kept = check_answers(&questions, &[answer("Which app version?", " 4.2 ")]).unwrap();
        assert_eq!(kept, vec![answer("Which app version?", "4.2")]);
        assert!(check_answers(&questions, &[answer("Which app version?", "  ")]).unwrap().is_empty());
        assert_eq!(
            check_answers(&questions, &[answer("Your password?", "x")]).unwrap_err().code,
            ErrorCode::InvalidValue
        );
    }

    #[test]
    fn categories_validate_names_and_questions() {
        let input = CategoryInput {
            name: " VPN ".into(),
            questions: vec![" ".into(), "Since when?".into()],
            ..CategoryInput::default()
        };
        let valid = input.validate().unwrap();
        assert_eq!(valid.name, "VPN");
        assert_eq!(valid.questions, vec!["Since when?".to_string()]);
        let too_many =
            CategoryInput { name: "x".into(), questions: vec!["q".into(); 11], ..CategoryInput::default() };
        assert_eq!(too_many.validate().unwrap_err().field.as_deref(), Some("questions"));
        assert_eq!(CategoryInput::default().validate().unwrap_err().code, ErrorCode::Required);
    }
}
