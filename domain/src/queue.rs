//! The console's queues and filters, read from the list's query string
//! (`GET /api/tickets?queue=unassigned_l2&priority=P1&q=vpn&sort=oldest`).

use serde::{Deserialize, Serialize};

use crate::auth::Tier;
use crate::error::{ApiError, ErrorCode};
use crate::lifecycle::Status;
use crate::paging::query_pairs;
use crate::priority::Priority;

/// A named view of the tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Queue {
    /// Everything the caller may see.
    #[default]
    All,
    /// Still being worked on (customers: "open").
    Open,
    /// Resolved, closed or cancelled (customers: "closed").
    Closed,
    /// Assigned to the caller and still active.
    Mine,
    /// Waiting in a tier's queue with nobody on it.
    Unassigned(Tier),
    /// Everything active in a tier.
    Tier(Tier),
    Major,
    PendingCustomer,
    /// Running SLA clocks, soonest deadline first.
    BreachingSoon,
}

impl Queue {
    /// Every queue by its query-string name, in the console's order.
    pub fn all() -> Vec<(String, Queue)> {
        let mut queues =
            vec![("mine".to_string(), Queue::Mine), ("breaching_soon".to_string(), Queue::BreachingSoon)];
        for tier in Tier::ALL {
            queues.push((format!("unassigned_{}", tier.as_str()), Queue::Unassigned(tier)));
        }
        for tier in Tier::ALL {
            queues.push((tier.as_str().to_string(), Queue::Tier(tier)));
        }
        queues.extend([
            ("major".to_string(), Queue::Major),
            ("pending_customer".to_string(), Queue::PendingCustomer),
            ("open".to_string(), Queue::Open),
            ("closed".to_string(), Queue::Closed),
            ("all".to_string(), Queue::All),
        ]);
        queues
    }

    pub fn parse(text: &str) -> Option<Queue> {
        Queue::all().into_iter().find(|(name, _)| name == text).map(|(_, queue)| queue)
    }

    pub fn name(self) -> String {
        Queue::all().into_iter().find(|(_, queue)| *queue == self).map(|(name, _)| name).unwrap_or_default()
    }

    /// Queues that only make sense to staff (customers get open/closed/all).
    pub fn is_for_staff(self) -> bool {
        !matches!(self, Queue::All | Queue::Open | Queue::Closed)
    }
}

pub const TEXT_MAX_CHARS: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    pub queue: Queue,
    pub status: Option<Status>,
    pub priority: Option<Priority>,
    pub tier: Option<Tier>,
    pub category_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub organisation_id: Option<i64>,
    /// Words to find in the title or description.
    pub text: Option<String>,
    pub oldest_first: bool,
}

fn bad(field: &str, message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(field)
}

fn id(field: &str, value: &str) -> Result<i64, ApiError> {
    value.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| bad(field, format!("{field} must be an id")))
}

impl QueueFilter {
    /// Reads the filters; unknown parameters are ignored, malformed known ones refused.
    pub fn from_query(query: &str) -> Result<QueueFilter, ApiError> {
        let mut filter = QueueFilter::default();
        for (key, value) in query_pairs(query) {
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "queue" => {
                    filter.queue =
                        Queue::parse(&value).ok_or_else(|| bad("queue", format!("No queue {value:?}")))?
                }
                "status" => {
                    filter.status = Some(
                        Status::parse(&value).ok_or_else(|| bad("status", format!("No status {value:?}")))?,
                    )
                }
                "priority" => {
                    filter.priority = Some(
                        Priority::parse(&value)
                            .ok_or_else(|| bad("priority", format!("No priority {value:?}")))?,
                    )
                }
                "tier" => {
                    filter.tier =
                        Some(Tier::parse(&value).ok_or_else(|| bad("tier", format!("No tier {value:?}")))?)
                }
                "category" => filter.category_id = Some(id("category", &value)?),
                "assignee" => filter.assignee_id = Some(id("assignee", &value)?),
                "organisation" => filter.organisation_id = Some(id("organisation", &value)?),
                "q" => {
                    let text = value.trim();
                    if text.chars().count() > TEXT_MAX_CHARS {
                        return Err(bad("q", format!("Search for at most {TEXT_MAX_CHARS} characters")));
                    }
                    filter.text = (!text.is_empty()).then(|| text.to_string());
                }
                "sort" => {
                    filter.oldest_first = match value.as_str() {
                        "newest" => false,
                        "oldest" => true,
                        _ => return Err(bad("sort", "sort is newest or oldest".to_string())),
                    }
                }
                _ => {}
            }
        }
        Ok(filter)
    }

    /// Customers may narrow their own tickets by status and text, nothing more: the
    /// staff-only filters would reveal how the desk works on them.
    pub fn for_customers(&self) -> Result<(), ApiError> {
        let staff_only = self.queue.is_for_staff()
            || self.tier.is_some()
            || self.assignee_id.is_some()
            || self.organisation_id.is_some()
            || self.category_id.is_some();
        if staff_only {
            return Err(ApiError::new(ErrorCode::Forbidden, "This filter is for the service desk"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queues_round_trip_by_name() {
        for (name, queue) in Queue::all() {
            assert_eq!(Queue::parse(&name), Some(queue));
            assert_eq!(queue.name(), name);
        }
        assert_eq!(Queue::parse("unassigned_l2"), Some(Queue::Unassigned(Tier::L2)));
    }

    #[test]
    fn filters_parse_and_refuse_nonsense() {
        let filter =
            QueueFilter::from_query("queue=l3&priority=P1&q=+vpn+&sort=oldest&status=&category=4").unwrap();
        assert_eq!(filter.queue, Queue::Tier(Tier::L3));
        assert_eq!(filter.priority, Some(Priority::P1));
        assert_eq!(filter.text.as_deref(), Some("vpn"));
        assert!(filter.oldest_first);
        assert_eq!(filter.category_id, Some(4));
        for bad in ["queue=nope", "priority=P9", "status=done", "category=x", "sort=up"] {
            let error = QueueFilter::from_query(bad).unwrap_err();
            assert_eq!(error.code, ErrorCode::InvalidValue, "{bad}");
            assert_eq!(error.http_status(), 422);
        }
        assert!(QueueFilter::from_query(&format!("q={}", "x".repeat(101))).is_err());
    }

    #[test]
    fn customers_cannot_use_staff_filters() {
        assert!(QueueFilter::from_query("queue=open&q=vpn").unwrap().for_customers().is_ok());
        for staff in ["queue=mine", "tier=l2", "assignee=3", "organisation=1", "category=2"] {
            assert!(QueueFilter::from_query(staff).unwrap().for_customers().is_err(), "{staff}");
        }
    }
}
