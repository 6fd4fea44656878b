//! Customers who want to hear of a service's disruption before they run into it: they
//! choose among the services the desk names (its categories' usual services) and are
//! mailed with those who reported on the service recently when monitoring sees it fail.

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode};

/// One service the desk names, and whether the caller hears of its disruptions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceChoice {
    pub service: String,
    pub subscribed: bool,
}

/// `PUT /api/me/services`: every service the caller wants to hear about (the rest are
/// dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceSubscriptions {
    pub subscribed: Vec<String>,
}

impl ServiceSubscriptions {
    /// The chosen services as the desk spells them, each once; a name the desk does not
    /// list is refused (nobody would ever be told of it).
    pub fn validate(&self, known: &[String]) -> Result<Vec<String>, ApiError> {
        let mut chosen: Vec<String> = Vec::new();
        for name in &self.subscribed {
            let name = name.trim();
            let Some(service) = known.iter().find(|known| known.eq_ignore_ascii_case(name)) else {
                return Err(ApiError::new(
                    ErrorCode::InvalidValue,
                    format!("The desk names no service {name:?}"),
                )
                .with_field("subscribed"));
            };
            if !chosen.iter().any(|seen| seen.eq_ignore_ascii_case(service)) {
                chosen.push(service.clone());
            }
        }
        Ok(chosen)
    }
}

/// The choices to show: every service the desk names, in its order, marked when chosen.
pub fn choices(known: &[String], subscribed: &[String]) -> Vec<ServiceChoice> {
    known
        .iter()
        .map(|service| ServiceChoice {
            service: service.clone(),
            subscribed: subscribed.iter().any(|chosen| chosen.eq_ignore_ascii_case(service)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        vec!["VPN".into(), "Payroll".into()]
    }

    #[test]
    fn chosen_services_are_the_desks_own_each_once() {
        let asked = ServiceSubscriptions { subscribed: vec![" vpn ".into(), "VPN".into(), "payroll".into()] };
        assert_eq!(asked.validate(&known()).unwrap(), vec!["VPN".to_string(), "Payroll".to_string()]);
        let unknown = ServiceSubscriptions { subscribed: vec!["Coffee machine".into()] };
        assert_eq!(unknown.validate(&known()).unwrap_err().field.as_deref(), Some("subscribed"));
        assert_eq!(ServiceSubscriptions::default().validate(&known()).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn choices_mark_what_is_chosen() {
        let shown = choices(&known(), &["payroll".into()]);
        assert_eq!(shown.iter().map(|choice| choice.subscribed).collect::<Vec<_>>(), [false, true]);
    }
}
