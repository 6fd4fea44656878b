//! Lists of tickets: the console's queues and a customer's "my tickets" (one query per
//! page, keyset-paginated in any order), the sidebar's counts, and what each agent has read.

use edgedesk_domain::auth::Tier;
use edgedesk_domain::knowledge::match_all;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::paging::PageRequest;
use edgedesk_domain::policy::TicketScope;
use edgedesk_domain::priority::Priority;
use edgedesk_domain::queue::{preview, Queue, QueueFilter, Sort};
use edgedesk_domain::ticket::{ticket_number, ReplyPreview, TicketSummary};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::tickets::{active_statuses, parse_kind, parse_status};
use super::{all, db, first, run, sla, ABOVE_EVERY_ID};
use crate::clock::from_millis;
use crate::http;

#[derive(Deserialize)]
struct SummaryRow {
    id: i64,
    kind: String,
    status: String,
    title: String,
    reporter_name: String,
    organisation_name: Option<String>,
    reported_at: i64,
    updated_at: i64,
    priority: Option<String>,
    tier: String,
    assignee_name: Option<String>,
    is_major: i64,
    sla_target: Option<String>,
    sla_due_at: Option<i64>,
    sla_level: u32,
    /// JSON `{"text", "from_customer"}` of the latest public reply.
    last_reply: Option<String>,
    unread: i64,
}

/// Who reads the list: staff get the unread marker, which needs to know who they are.
#[derive(Clone, Copy)]
pub enum Reader {
    Staff { user_id: i64 },
    Customer,
}

/// The row's columns. `actor` and `user` are bound parameters naming the reading agent,
/// or `None` when nobody's reads count (customers, a major incident's links).
fn summary_select(reader: Option<(&str, &str)>) -> String {
    let active = active_statuses();
    // A reply is the customer's when a customer account or an anonymous reporter wrote it.
    let last_reply = "(SELECT json_object('text', json_extract(e.data, '$.text'),
                'from_customer', e.actor = 'reporter' OR EXISTS (SELECT 1 FROM users u
                    WHERE u.id = CAST(substr(e.actor, 6) AS INTEGER) AND u.role = 'customer'))
            FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'reply' ORDER BY e.id DESC LIMIT 1)";
    let unread = match reader {
        Some((actor, user)) => format!(
            "(t.status IN ({active}) AND COALESCE((SELECT MAX(e.id) FROM ticket_events e
                  WHERE e.ticket_id = t.id AND e.actor <> {actor}), 0)
              > COALESCE((SELECT r.last_event_id FROM ticket_reads r
                  WHERE r.user_id = {user} AND r.ticket_id = t.id), 0))"
        ),
        None => "0".to_string(),
    };
    format!(
        "SELECT t.id, t.kind, t.status, t.title, t.reporter_name, o.name AS organisation_name, t.reported_at,
                t.updated_at, t.priority, t.tier, a.name AS assignee_name, t.is_major, t.sla_target,
                t.sla_due_at, t.sla_level, {last_reply} AS last_reply, {unread} AS unread
         FROM tickets t LEFT JOIN users a ON a.id = t.assignee_id
                        LEFT JOIN organisations o ON o.id = t.organisation_id"
    )
}

/// The expressions an order sorts by (`{t}` is the table alias), and whether descending.
/// Each ends on the id so the cursor (the last ticket shown) continues exactly after it.
fn order_keys(sort: Sort) -> (&'static [&'static str], bool) {
    match sort {
        Sort::Newest => (&["{t}.id"], true),
        Sort::Oldest => (&["{t}.id"], false),
        Sort::Updated => (&["{t}.updated_at", "{t}.id"], true),
        // Newest first within a priority; no priority sorts after P4.
        Sort::Priority => (&["COALESCE({t}.priority, 'P9')", "-{t}.id"], false),
        // Without a running clock, after every deadline.
        Sort::Due => (&["COALESCE({t}.sla_due_at, 9007199254740991)", "{t}.id"], false),
    }
}

fn keys_of(keys: &[&str], alias: &str) -> String {
    keys.iter().map(|key| key.replace("{t}", alias)).collect::<Vec<_>>().join(", ")
}

/// Up to `fetch_limit()` tickets in `scope` and `filter` after the cursor, in the filter's
/// order. Every condition is bound as a parameter; the queue picks an index to walk.
pub async fn page(
    env: &Env,
    scope: TicketScope,
    filter: &QueueFilter,
    reader: Reader,
    page: PageRequest,
) -> Result<Vec<TicketSummary>, ApiError> {
    let db = db(env)?;
    let mut sql = Params::default();
    let viewer_id = match reader {
        Reader::Staff { user_id } => user_id,
        Reader::Customer => 0,
    };
    let select = match reader {
        Reader::Staff { user_id } => {
            let actor = sql.text(&format!("user:{user_id}"));
            let user = sql.number(user_id);
            summary_select(Some((&actor, &user)))
        }
        Reader::Customer => summary_select(None),
    };
    // Never empty, so the WHERE clause always has something to join.
    let mut conditions: Vec<String> = vec!["1".to_string()];
    match scope {
        TicketScope::All => {}
        TicketScope::Own { customer_id } => {
            conditions.push(format!("t.customer_id = {}", sql.number(customer_id)))
        }
        TicketScope::Organisation { customer_id, organisation_id } => conditions.push(format!(
            "(t.customer_id = {} OR t.organisation_id = {})",
            sql.number(customer_id),
            sql.number(organisation_id)
        )),
    }
    let active = active_statuses();
    match filter.queue {
        Queue::All => {}
        Queue::Open => conditions.push(format!("t.status IN ({active})")),
        Queue::Closed => conditions.push(format!("t.status NOT IN ({active})")),
        Queue::Mine => {
            conditions.push(format!("t.assignee_id = {} AND t.status IN ({active})", sql.number(viewer_id)))
        }
        Queue::Unassigned(tier) => conditions.push(format!(
            "t.tier = {} AND t.assignee_id IS NULL AND t.status IN ({active})",
            sql.text(tier.as_str())
        )),
        Queue::Tier(tier) => {
            conditions.push(format!("t.tier = {} AND t.status IN ({active})", sql.text(tier.as_str())))
        }
        Queue::Major => conditions.push(format!("t.is_major = 1 AND t.status IN ({active})")),
        Queue::PendingCustomer => conditions.push("t.status = 'pending_customer'".to_string()),
        Queue::BreachingSoon => {
            conditions.push(format!("t.sla_due_at IS NOT NULL AND t.status IN ({active})"))
        }
    }
    if let Some(status) = filter.status {
        conditions.push(format!("t.status = {}", sql.text(status.as_str())));
    }
    if let Some(priority) = filter.priority {
        conditions.push(format!("t.priority = {}", sql.text(priority.as_str())));
    }
    if let Some(tier) = filter.tier {
        conditions.push(format!("t.tier = {}", sql.text(tier.as_str())));
    }
    if let Some(category_id) = filter.category_id {
        conditions.push(format!("t.category_id = {}", sql.number(category_id)));
    }
    if let Some(assignee_id) = filter.assignee_id {
        conditions.push(format!("t.assignee_id = {}", sql.number(assignee_id)));
    }
    if let Some(organisation_id) = filter.organisation_id {
        conditions.push(format!("t.organisation_id = {}", sql.number(organisation_id)));
    }
    if let Some(email) = &filter.reporter_email {
        conditions.push(format!("t.reporter_email = {}", sql.text(email)));
    }
    if let Some(text) = &filter.text {
        // Every word, as a prefix, through the FTS index; words-free input matches nothing.
        match match_all(text) {
            Some(fts_query) => conditions.push(format!(
                "t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH {})",
                sql.text(&fts_query)
            )),
            None => conditions.push("0".to_string()),
        }
    }
    let (keys, descending) = order_keys(filter.sort());
    let comparison = if descending { "<" } else { ">" };
    match (keys, page.before_id) {
        // Ordered by id alone: the cursor is the bound, and the primary key is the index.
        ([_], cursor) => {
            let start = if descending { cursor.unwrap_or(ABOVE_EVERY_ID) } else { cursor.unwrap_or(0) };
            conditions.push(format!("t.id {comparison} {}", sql.number(start)));
        }
        (_, Some(cursor)) => conditions.push(format!(
            "({}) {comparison} (SELECT {} FROM tickets c WHERE c.id = {})",
            keys_of(keys, "t"),
            keys_of(keys, "c"),
            sql.number(cursor)
        )),
        (_, None) => {}
    }
    let direction = if descending { " DESC" } else { "" };
    let order = keys.iter().map(|key| format!("{}{direction}", key.replace("{t}", "t"))).collect::<Vec<_>>();
    let limit = sql.number(page.fetch_limit() as i64);
    let query =
        format!("{select} WHERE {} ORDER BY {} LIMIT {limit}", conditions.join(" AND "), order.join(", "));
    let rows = all::<SummaryRow>(db.prepare(&query).bind(&sql.values)).await?;
    rows.into_iter().map(summary).collect()
}

/// Bound parameters of a query built piece by piece: each value gets its `?N`.
#[derive(Default)]
struct Params {
    values: Vec<JsValue>,
}

impl Params {
    fn push(&mut self, value: JsValue) -> String {
        self.values.push(value);
        format!("?{}", self.values.len())
    }

    /// D1 takes JS numbers; ids stay below 2^53, so f64 holds them exactly.
    fn number(&mut self, value: i64) -> String {
        self.push(JsValue::from_f64(value as f64))
    }

    fn text(&mut self, value: &str) -> String {
        self.push(JsValue::from_str(value))
    }
}

fn summary(row: SummaryRow) -> Result<TicketSummary, ApiError> {
    #[derive(Deserialize)]
    struct LastReply {
        text: Option<String>,
        from_customer: i64,
    }
    let kind = parse_kind(&row.kind)?;
    let status = parse_status(&row.status)?;
    let last_reply = match row.last_reply.as_deref() {
        Some(json) => {
            let reply: LastReply = serde_json::from_str(json).map_err(http::internal)?;
            Some(ReplyPreview {
                text: preview(reply.text.as_deref().unwrap_or_default()),
                from_customer: reply.from_customer == 1,
            })
        }
        None => None,
    };
    Ok(TicketSummary {
        id: row.id,
        number: ticket_number(kind, row.id),
        kind,
        status,
        title: row.title,
        reporter_name: row.reporter_name,
        reported_at: from_millis(row.reported_at),
        priority: row.priority.as_deref().and_then(Priority::parse),
        tier: Tier::parse(&row.tier).ok_or_else(|| http::internal("unknown tier in D1"))?,
        assignee: row.assignee_name,
        is_major: row.is_major == 1,
        // A projection a major incident's resolution left behind is not shown.
        sla: if Status::ACTIVE.contains(&status) {
            sla::badge(row.sla_target.as_deref(), row.sla_due_at, row.sla_level)
        } else {
            None
        },
        organisation: row.organisation_name,
        updated_at: from_millis(row.updated_at),
        last_reply,
        unread: row.unread == 1,
    })
}

/// The incidents linked to a major incident, newest first.
pub fn linked_in(batch: &mut Batch, major_id: i64) -> Result<Pending<Vec<TicketSummary>>, ApiError> {
    let select = summary_select(None);
    let statement =
        query!(batch.db(), &format!("{select} WHERE t.major_id = ?1 ORDER BY t.id DESC LIMIT 200"), major_id);
    batch.read(statement, |rows: Vec<SummaryRow>| rows.into_iter().map(summary).collect())
}

/// How many active tickets each counted queue holds, in one pass over the active tickets.
#[derive(Debug, Default, Deserialize)]
pub struct Counts {
    pub mine: Option<u32>,
    pub unassigned_l1: Option<u32>,
    pub unassigned_l2: Option<u32>,
    pub unassigned_l3: Option<u32>,
    pub breaching_soon: Option<u32>,
    pub pending_customer: Option<u32>,
    pub l1: Option<u32>,
    pub l2: Option<u32>,
    pub l3: Option<u32>,
    pub major: Option<u32>,
}

impl Counts {
    /// The count shown beside `queue`; `None` for queues that are not counted.
    pub fn of(&self, queue: Queue) -> Option<u32> {
        let count = match queue {
            Queue::Mine => self.mine,
            Queue::Unassigned(Tier::L1) => self.unassigned_l1,
            Queue::Unassigned(Tier::L2) => self.unassigned_l2,
            Queue::Unassigned(Tier::L3) => self.unassigned_l3,
            Queue::BreachingSoon => self.breaching_soon,
            Queue::PendingCustomer => self.pending_customer,
            Queue::Tier(Tier::L1) => self.l1,
            Queue::Tier(Tier::L2) => self.l2,
            Queue::Tier(Tier::L3) => self.l3,
            Queue::Major => self.major,
            Queue::All | Queue::Open | Queue::Closed => return None,
        };
        // SUM over no rows is NULL: an empty desk counts zero everywhere.
        Some(count.unwrap_or(0))
    }
}

pub async fn counts(env: &Env, viewer_id: i64) -> Result<Counts, ApiError> {
    let db = db(env)?;
    let active = active_statuses();
    let statement = query!(
        &db,
        &format!(
            "SELECT SUM(assignee_id = ?1) AS mine,
                    SUM(tier = 'l1' AND assignee_id IS NULL) AS unassigned_l1,
                    SUM(tier = 'l2' AND assignee_id IS NULL) AS unassigned_l2,
                    SUM(tier = 'l3' AND assignee_id IS NULL) AS unassigned_l3,
                    SUM(sla_due_at IS NOT NULL) AS breaching_soon,
                    SUM(status = 'pending_customer') AS pending_customer,
                    SUM(tier = 'l1') AS l1, SUM(tier = 'l2') AS l2, SUM(tier = 'l3') AS l3,
                    SUM(is_major = 1) AS major
             FROM tickets WHERE status IN ({active})"
        ),
        viewer_id
    );
    Ok(first::<Counts>(statement).await?.unwrap_or_default())
}

/// Remembers that `user_id` has seen ticket `ticket_id` up to event `last_event_id`, so
/// the console marks only what changed after this. Never moves the mark back.
pub async fn mark_read(
    env: &Env,
    user_id: i64,
    ticket_id: i64,
    last_event_id: i64,
    at: i64,
) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(
        &db,
        "INSERT INTO ticket_reads (user_id, ticket_id, last_event_id, read_at)
         SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM tickets WHERE id = ?2)
         ON CONFLICT (user_id, ticket_id) DO UPDATE
         SET last_event_id = MAX(last_event_id, excluded.last_event_id), read_at = excluded.read_at",
        user_id,
        ticket_id,
        last_event_id,
        at
    ))
    .await?;
    Ok(())
}
