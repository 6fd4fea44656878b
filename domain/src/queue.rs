//! The console's queues, filters and orders, read from the list's query string
//! (`GET /api/tickets?queue=unassigned_l2&priority=P1&q=vpn&sort=due`), and the queues an
//! agent's sidebar shows.

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
    /// Major incidents still being worked on.
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

    /// The console's sidebar, in order: the caller's own work first, then what needs a
    /// hand in their tier, what is at risk, and the wider views. Agents see the unassigned
    /// queue of their tier; leads (no tier) see every tier's.
    pub fn sidebar(tier: Option<Tier>) -> Vec<Queue> {
        let mut queues = vec![Queue::Mine];
        match tier {
            Some(tier) => queues.push(Queue::Unassigned(tier)),
            None => queues.extend(Tier::ALL.map(Queue::Unassigned)),
        }
        queues.extend([Queue::BreachingSoon, Queue::PendingCustomer]);
        queues.extend(Tier::ALL.map(Queue::Tier));
        queues.extend([Queue::Major, Queue::All]);
        queues
    }

    /// The order a queue opens in when none is chosen.
    pub fn default_sort(self) -> Sort {
        match self {
            Queue::BreachingSoon => Sort::Due,
            _ => Sort::Newest,
        }
    }
}

/// How a list is ordered. Every order ends on the ticket id, so pages never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    Oldest,
    /// Most recently changed first.
    Updated,
    /// P1 first; tickets without a priority last.
    Priority,
    /// Soonest SLA deadline first; tickets without a running clock last.
    Due,
}

impl Sort {
    pub const ALL: [Sort; 5] = [Sort::Newest, Sort::Oldest, Sort::Updated, Sort::Priority, Sort::Due];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Updated => "updated",
            Sort::Priority => "priority",
            Sort::Due => "due",
        }
    }

    pub fn parse(text: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.as_str() == text)
    }
}

/// One sidebar entry: a queue by name and how many active tickets it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCount {
    pub queue: String,
    /// Absent for queues that are not counted (all tickets, open or closed).
    pub count: Option<u32>,
}

/// The longest preview of a message shown in a list row.
pub const PREVIEW_MAX_CHARS: usize = 140;

/// A message as one line for a list row: whitespace runs become one space, and a long
/// text is cut at a character boundary with an ellipsis.
pub fn preview(text: &str) -> String {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        if line.chars().count() > PREVIEW_MAX_CHARS {
            break;
        }
    }
    if line.chars().count() > PREVIEW_MAX_CHARS {
        let mut cut: String = line.chars().take(PREVIEW_MAX_CHARS - 1).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        return cut;
    }
    line
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
    /// The reporter's email address, exactly (the requester's other tickets).
    pub reporter_email: Option<String>,
    /// Words to find in the title or description.
    pub text: Option<String>,
    /// The chosen order; `None` leaves it to the queue.
    pub sort: Option<Sort>,
}

fn bad(field: &str, message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(field)
}

fn id(field: &str, value: &str) -> Result<i64, ApiError> {
    crate::id::parse_id(value).ok_or_else(|| bad(field, format!("{field} must be an id")))
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
                "reporter" => {
                    let email = value.trim();
                    if email.chars().count() > crate::validation::EMAIL_MAX_CHARS {
                        return Err(bad("reporter", "reporter must be an email address".to_string()));
                    }
                    filter.reporter_email = Some(email.to_string());
                }
                "q" => {
                    let text = value.trim();
                    if text.chars().count() > TEXT_MAX_CHARS {
                        return Err(bad("q", format!("Search for at most {TEXT_MAX_CHARS} characters")));
                    }
                    filter.text = (!text.is_empty()).then(|| text.to_string());
                }
                "sort" => {
                    filter.sort = Some(Sort::parse(&value).ok_or_else(|| {
                        bad("sort", "sort is newest, oldest, updated, priority or due".to_string())
                    })?)
                }
                _ => {}
            }
        }
        Ok(filter)
    }

    pub fn sort(&self) -> Sort {
        self.sort.unwrap_or(self.queue.default_sort())
    }

    /// Customers may narrow their own tickets by status and text, nothing more: the
    /// staff-only filters would reveal how the desk works on them.
    pub fn for_customers(&self) -> Result<(), ApiError> {
        let staff_only = self.queue.is_for_staff()
            || self.tier.is_some()
            || self.assignee_id.is_some()
            || self.organisation_id.is_some()
            || self.reporter_email.is_some()
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
        assert_eq!(filter.sort(), Sort::Oldest);
        assert_eq!(filter.category_id, Some(4));
        for bad in ["queue=nope", "priority=P9", "status=done", "category=x", "sort=up"] {
            let error = QueueFilter::from_query(bad).unwrap_err();
            assert_eq!(error.code, ErrorCode::InvalidValue, "{bad}");
            assert_eq!(error.http_status(), 422);
        }
        assert!(QueueFilter::from_query(&format!("q={}", "x".repeat(101))).is_err());
    }

    #[test]
    fn every_order_parses_and_queues_choose_their_own() {
        for sort in Sort::ALL {
            let filter = QueueFilter::from_query(&format!("sort={}", sort.as_str())).unwrap();
            assert_eq!(filter.sort(), sort);
        }
        assert_eq!(QueueFilter::from_query("queue=breaching_soon").unwrap().sort(), Sort::Due);
        assert_eq!(
            QueueFilter::from_query("queue=breaching_soon&sort=priority").unwrap().sort(),
            Sort::Priority
        );
        assert_eq!(QueueFilter::from_query("queue=mine").unwrap().sort(), Sort::Newest);
    }

    #[test]
    fn the_sidebar_starts_with_the_callers_own_work() {
        let agent = Queue::sidebar(Some(Tier::L2));
        assert_eq!(agent[..2], [Queue::Mine, Queue::Unassigned(Tier::L2)]);
        assert!(!agent.contains(&Queue::Unassigned(Tier::L1)));
        assert_eq!(agent.last(), Some(&Queue::All));
        let lead = Queue::sidebar(None);
        assert!(Tier::ALL.iter().all(|tier| lead.contains(&Queue::Unassigned(*tier))));
        // Every entry is a queue the list endpoint understands.
        assert!(lead.iter().all(|queue| Queue::parse(&queue.name()) == Some(*queue)));
    }

    #[test]
    fn previews_are_one_short_line() {
        assert_eq!(preview("  Hello\n\n  there\tfriend "), "Hello there friend");
        let long = "å".repeat(300);
        let cut = preview(&long);
        assert_eq!(cut.chars().count(), PREVIEW_MAX_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(preview(&"word ".repeat(28)), "word ".repeat(28).trim_end());
        assert_eq!(preview(""), "");
    }

    #[test]
    fn the_reporter_filter_is_an_email_address_of_bounded_length() {
        let filter = QueueFilter::from_query("reporter=%20ann%40example.com").unwrap();
        assert_eq!(filter.reporter_email.as_deref(), Some("ann@example.com"));
        let long = format!("reporter={}", "a".repeat(300));
        assert_eq!(QueueFilter::from_query(&long).unwrap_err().field.as_deref(), Some("reporter"));
    }

    #[test]
    fn customers_cannot_use_staff_filters() {
        assert!(QueueFilter::from_query("queue=open&q=vpn").unwrap().for_customers().is_ok());
        for staff in [
            "queue=mine",
            "tier=l2",
            "assignee=3",
            "organisation=1",
            "category=2",
            "reporter=a%40example.com",
        ] {
            assert!(QueueFilter::from_query(staff).unwrap().for_customers().is_err(), "{staff}");
        }
    }
}
