//! Who may do what, in one place. Every Worker route asks this module; nothing else
//! decides access. Customers get "not found" for tickets that are not theirs, never
//! "forbidden", so ticket ids cannot be probed.

use crate::auth::{Principal, Role, Scope, TokenGrant};
use crate::error::{ApiError, ErrorCode};
use crate::ticket::Channel;
use crate::workflow::{Actor, Command};

/// Which tickets a principal may list and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketScope {
    /// Staff see every ticket.
    All,
    /// A customer sees the tickets they reported...
    Own { customer_id: i64 },
    /// ...or, when their organisation shares tickets, every ticket of the organisation.
    Organisation { customer_id: i64, organisation_id: i64 },
}

/// Who a ticket belongs to, as far as access is concerned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TicketOwner {
    pub customer_id: Option<i64>,
    pub organisation_id: Option<i64>,
}

impl TicketScope {
    pub fn includes(&self, owner: TicketOwner) -> bool {
        match *self {
            TicketScope::All => true,
            TicketScope::Own { customer_id } => owner.customer_id == Some(customer_id),
            TicketScope::Organisation { customer_id, organisation_id } => {
                owner.customer_id == Some(customer_id) || owner.organisation_id == Some(organisation_id)
            }
        }
    }
}

pub fn unauthenticated() -> ApiError {
    ApiError::new(ErrorCode::Unauthenticated, "Sign in to continue")
}

fn forbidden() -> ApiError {
    ApiError::new(ErrorCode::Forbidden, "Your account cannot do this")
}

/// Signed in, whoever you are (a person or an API token).
pub fn signed_in(principal: Option<&Principal>) -> Result<&Principal, ApiError> {
    principal.ok_or_else(unauthenticated)
}

/// A person, not an API token: accounts, sessions, administration.
pub fn person(principal: Option<&Principal>) -> Result<&Principal, ApiError> {
    let principal = signed_in(principal)?;
    match principal.token {
        Some(_) => Err(ApiError::new(ErrorCode::Forbidden, "API tokens cannot do this; sign in as a person")),
        None => Ok(principal),
    }
}

/// For a token caller, whether it holds `scope`; people are judged by their role instead.
fn token_allows(principal: &Principal, scope: Scope) -> Result<(), ApiError> {
    match &principal.token {
        Some(grant) if !grant.scopes.contains(&scope) => Err(ApiError::new(
            ErrorCode::Forbidden,
            format!("This API token lacks the {} scope", scope.as_str()),
        )),
        _ => Ok(()),
    }
}

/// Sending monitoring alerts: only an API token with `alerts:write` (an integration), never
/// a person, so every alert names the integration it came from.
pub fn send_alerts(principal: Option<&Principal>) -> Result<TokenGrant, ApiError> {
    let principal = signed_in(principal)?;
    match &principal.token {
        Some(grant) => token_allows(principal, Scope::AlertsWrite).map(|()| grant.clone()),
        None => Err(ApiError::new(
            ErrorCode::Forbidden,
            "Alerts come from an API token with the alerts:write scope",
        )),
    }
}

/// Opening a ticket: anyone may (the public form), but a token needs `tickets:write`.
pub fn create_ticket(principal: Option<&Principal>) -> Result<(), ApiError> {
    principal.map_or(Ok(()), |principal| token_allows(principal, Scope::TicketsWrite))
}

/// How a new ticket came in, and who it belongs to and is opened by: anyone reports through
/// the portal; only staff signed in as themselves (not an API token) log calls and mails
/// from other channels, for a customer the desk may already know by email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    pub channel: Channel,
    /// The Worker looks up a known customer by the reporter's email and passes it to
    /// [`Intake::owner`].
    pub for_known_customer: bool,
    pub opener: Actor,
}

impl Intake {
    pub fn decide(
        principal: Option<&Principal>,
        requested: Option<Channel>,
        reporter_name: &str,
    ) -> Result<Intake, ApiError> {
        let in_person_staff =
            principal.is_some_and(|principal| principal.role.is_staff() && principal.token.is_none());
        let channel = match requested.unwrap_or(Channel::Portal) {
            Channel::Portal => Channel::Portal,
            other if in_person_staff => other,
            _ => {
                return Err(ApiError::new(
                    ErrorCode::Forbidden,
                    "Only the service desk logs tickets from other channels",
                )
                .with_field("channel"))
            }
        };
        let opener = match principal {
            Some(principal) if principal.token.is_none() => Actor::from_principal(principal)?,
            Some(principal) => Actor::Customer { user_id: None, name: principal.name.clone() },
            None => Actor::Customer { user_id: None, name: reporter_name.to_string() },
        };
        Ok(Intake { channel, for_known_customer: in_person_staff, opener })
    }

    /// The signed-in customer owns their report; a ticket staff log joins the known
    /// customer's (if any); nobody owns an anonymous one (it is followed by status link).
    pub fn owner(&self, principal: Option<&Principal>, known_customer: Option<TicketOwner>) -> TicketOwner {
        match principal {
            Some(customer) if customer.role == Role::Customer => {
                TicketOwner { customer_id: Some(customer.user_id), organisation_id: customer.organisation_id }
            }
            _ if self.for_known_customer => {
                known_customer.unwrap_or(TicketOwner { customer_id: None, organisation_id: None })
            }
            _ => TicketOwner { customer_id: None, organisation_id: None },
        }
    }
}

/// The tickets this principal may see; anonymous callers must sign in. A token with
/// `tickets:read` sees what staff see.
pub fn ticket_scope(principal: Option<&Principal>) -> Result<TicketScope, ApiError> {
    let principal = signed_in(principal)?;
    if principal.token.is_some() {
        token_allows(principal, Scope::TicketsRead)?;
        return Ok(TicketScope::All);
    }
    Ok(match (principal.role, principal.organisation_id) {
        (role, _) if role.is_staff() => TicketScope::All,
        (_, Some(organisation_id)) if principal.organisation_shares_tickets => {
            TicketScope::Organisation { customer_id: principal.user_id, organisation_id }
        }
        _ => TicketScope::Own { customer_id: principal.user_id },
    })
}

/// Reading one ticket: a ticket outside the scope is reported as missing.
pub fn view_ticket(principal: Option<&Principal>, owner: TicketOwner) -> Result<(), ApiError> {
    if ticket_scope(principal)?.includes(owner) {
        Ok(())
    } else {
        Err(ApiError::not_found("Ticket"))
    }
}

/// Changing a ticket (for now: revoking its status link) is staff work. A customer who can
/// see the ticket is told no; one who cannot is told it does not exist.
pub fn manage_ticket(principal: Option<&Principal>, owner: TicketOwner) -> Result<(), ApiError> {
    let principal = signed_in(principal)?;
    if principal.token.is_some() {
        token_allows(principal, Scope::TicketsWrite)
    } else if principal.role.is_staff() {
        Ok(())
    } else if ticket_scope(Some(principal))?.includes(owner) {
        Err(forbidden())
    } else {
        Err(ApiError::not_found("Ticket"))
    }
}

/// Working on a ticket (replying, triaging, resolving…): anyone who can see it, as a
/// person; the workflow then decides what their role may do. Others get 404.
pub fn work_on_ticket(principal: Option<&Principal>, owner: TicketOwner) -> Result<Actor, ApiError> {
    view_ticket(principal, owner)?;
    Actor::from_principal(signed_in(principal)?)
}

/// Confirming, reopening, rating and withdrawing are the reporter's own decisions:
/// colleagues who see a shared ticket may reply, not decide. A status-link holder is the
/// reporter (the link was given to them).
pub fn customer_decides(owner: TicketOwner, actor: &Actor, command: &Command) -> Result<(), ApiError> {
    let decision = matches!(
        command,
        Command::Confirm | Command::Reopen { .. } | Command::Rate { .. } | Command::Cancel { .. }
    );
    match actor {
        Actor::Customer { user_id: Some(user_id), .. } if decision && owner.customer_id != Some(*user_id) => {
            Err(ApiError::new(ErrorCode::Forbidden, "Only the person who reported this ticket can do this"))
        }
        _ => Ok(()),
    }
}

/// Console-only data (the agent list, queues of other people): staff, as people.
pub fn staff(principal: Option<&Principal>) -> Result<&Principal, ApiError> {
    let principal = person(principal)?;
    if principal.role.is_staff() {
        Ok(principal)
    } else {
        Err(forbidden())
    }
}

/// Managing accounts and invitations is for admins.
pub fn administer(principal: Option<&Principal>) -> Result<&Principal, ApiError> {
    let principal = person(principal)?;
    if principal.role == Role::Admin {
        Ok(principal)
    } else {
        Err(forbidden())
    }
}

/// Operational records (cron sweep runs) are for supervisors and admins.
pub fn view_operations(principal: Option<&Principal>) -> Result<(), ApiError> {
    match person(principal)?.role {
        Role::Supervisor | Role::Admin => Ok(()),
        _ => Err(forbidden()),
    }
}

/// A breach case is need-to-know: staff who are the privacy lead or were invited onto it.
/// Anyone else on staff gets 404, as if it did not exist: that it exists is need-to-know too.
pub fn see_breach_case(
    principal: Option<&Principal>,
    lead: bool,
    member: bool,
) -> Result<&Principal, ApiError> {
    let principal = staff(principal)?;
    if lead || member {
        Ok(principal)
    } else {
        Err(ApiError::not_found("Breach case"))
    }
}

/// The breach register and inviting others are the privacy lead's.
pub fn lead_breaches(principal: Option<&Principal>, lead: bool) -> Result<&Principal, ApiError> {
    let principal = staff(principal)?;
    if lead {
        Ok(principal)
    } else {
        Err(ApiError::new(ErrorCode::Forbidden, "Only the privacy lead may do this"))
    }
}

/// Reports: supervisors and admins on the desk's work, agents on their own; customers and
/// API tokens not at all.
pub fn report_scope(principal: Option<&Principal>) -> Result<crate::report::ReportScope, ApiError> {
    let principal = person(principal)?;
    match principal.role {
        Role::Supervisor | Role::Admin => Ok(crate::report::ReportScope::Desk),
        Role::Agent => Ok(crate::report::ReportScope::Agent(principal.user_id)),
        Role::Customer => Err(forbidden()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{Tier, TokenGrant};

    fn customer(id: i64, organisation_id: Option<i64>, shares: bool) -> Principal {
        Principal {
            user_id: id,
            name: "Customer".into(),
            role: Role::Customer,
            tier: None,
            organisation_id,
            organisation_shares_tickets: shares,
            token: None,
        }
    }

    fn staff(role: Role) -> Principal {
        let tier = (role == Role::Agent).then_some(Tier::L1);
        Principal {
            user_id: 99,
            name: "Staff".into(),
            role,
            tier,
            organisation_id: None,
            organisation_shares_tickets: false,
            token: None,
        }
    }

    fn token(scopes: &[Scope]) -> Principal {
        let grant = TokenGrant { token_id: 5, scopes: scopes.to_vec() };
        Principal { role: Role::Agent, tier: None, token: Some(grant), ..staff(Role::Admin) }
    }

    #[test]
    fn only_staff_in_person_log_other_channels_for_known_customers() {
        let known = TicketOwner { customer_id: Some(7), organisation_id: Some(3) };
        let agent = staff(Role::Agent);
        let phone = Intake::decide(Some(&agent), Some(Channel::Phone), "Caller").unwrap();
        assert_eq!(phone.channel, Channel::Phone);
        assert!(matches!(phone.opener, Actor::Agent { user_id: 99, .. }));
        assert_eq!(phone.owner(Some(&agent), Some(known)), known);
        assert_eq!(phone.owner(Some(&agent), None), TicketOwner { customer_id: None, organisation_id: None });

        let me = customer(4, Some(2), false);
        let refused = Intake::decide(Some(&me), Some(Channel::Email), "Me").unwrap_err();
        assert_eq!((refused.http_status(), refused.field.as_deref()), (403, Some("channel")));
        let own = Intake::decide(Some(&me), None, "Me").unwrap();
        assert_eq!(
            own.owner(Some(&me), Some(known)),
            TicketOwner { customer_id: Some(4), organisation_id: Some(2) }
        );

        let writer = token(&[Scope::TicketsWrite]);
        assert_eq!(Intake::decide(Some(&writer), Some(Channel::Phone), "x").unwrap_err().http_status(), 403);
        let by_token = Intake::decide(Some(&writer), None, "x").unwrap();
        assert!(matches!(by_token.opener, Actor::Customer { user_id: None, .. }));
        assert_eq!(by_token.owner(Some(&writer), Some(known)).customer_id, None);

        let anonymous = Intake::decide(None, Some(Channel::Portal), "Jonas Berg").unwrap();
        assert_eq!(anonymous.opener, Actor::Customer { user_id: None, name: "Jonas Berg".into() });
        assert_eq!(anonymous.owner(None, Some(known)).customer_id, None);
    }

    #[test]
    fn tokens_do_only_what_their_scopes_say() {
        let reader = token(&[Scope::TicketsRead]);
        assert_eq!(ticket_scope(Some(&reader)).unwrap(), TicketScope::All);
        assert_eq!(create_ticket(Some(&reader)).unwrap_err().http_status(), 403);
        assert_eq!(manage_ticket(Some(&reader), ANONYMOUS_TICKET).unwrap_err().http_status(), 403);
        let writer = token(&[Scope::TicketsWrite]);
        assert_eq!(ticket_scope(Some(&writer)).unwrap_err().http_status(), 403);
        assert!(create_ticket(Some(&writer)).is_ok());
        assert!(manage_ticket(Some(&writer), ANONYMOUS_TICKET).is_ok());
        assert!(create_ticket(None).is_ok());
        // Whatever its creator may do, a token never administers or reads operations.
        let all = token(&Scope::ALL);
        assert_eq!(administer(Some(&all)).unwrap_err().http_status(), 403);
        assert_eq!(view_operations(Some(&all)).unwrap_err().http_status(), 403);
        assert_eq!(person(Some(&all)).unwrap_err().code, ErrorCode::Forbidden);
        assert_eq!(all.actor(), "token:5");
        assert_eq!(staff(Role::Agent).actor(), "user:99");
    }

    const ALICE_TICKET: TicketOwner = TicketOwner { customer_id: Some(1), organisation_id: Some(10) };
    const BOBS_TICKET_SAME_ORG: TicketOwner = TicketOwner { customer_id: Some(2), organisation_id: Some(10) };
    const ANONYMOUS_TICKET: TicketOwner = TicketOwner { customer_id: None, organisation_id: None };

    #[test]
    fn anonymous_callers_must_sign_in() {
        assert_eq!(ticket_scope(None).unwrap_err().code, ErrorCode::Unauthenticated);
        assert_eq!(view_ticket(None, ALICE_TICKET).unwrap_err().http_status(), 401);
        assert_eq!(view_operations(None).unwrap_err().http_status(), 401);
    }

    #[test]
    fn customers_see_their_own_tickets_and_others_are_missing() {
        let alice = customer(1, Some(10), false);
        assert!(view_ticket(Some(&alice), ALICE_TICKET).is_ok());
        for other in [BOBS_TICKET_SAME_ORG, ANONYMOUS_TICKET] {
            assert_eq!(view_ticket(Some(&alice), other).unwrap_err().http_status(), 404);
        }
    }

    #[test]
    fn a_sharing_organisation_lets_members_see_each_other() {
        let alice = customer(1, Some(10), true);
        assert!(view_ticket(Some(&alice), BOBS_TICKET_SAME_ORG).is_ok());
        let other_org = TicketOwner { customer_id: Some(3), organisation_id: Some(11) };
        assert_eq!(view_ticket(Some(&alice), other_org).unwrap_err().code, ErrorCode::NotFound);
    }

    #[test]
    fn staff_see_every_ticket() {
        for role in [Role::Agent, Role::Supervisor, Role::Admin] {
            assert_eq!(ticket_scope(Some(&staff(role))).unwrap(), TicketScope::All);
            assert!(view_ticket(Some(&staff(role)), ANONYMOUS_TICKET).is_ok());
        }
    }

    #[test]
    fn only_staff_manage_tickets_and_customers_learn_nothing_new() {
        assert_eq!(manage_ticket(None, ALICE_TICKET).unwrap_err().http_status(), 401);
        let alice = customer(1, Some(10), false);
        assert_eq!(manage_ticket(Some(&alice), ALICE_TICKET).unwrap_err().http_status(), 403);
        assert_eq!(manage_ticket(Some(&alice), ANONYMOUS_TICKET).unwrap_err().http_status(), 404);
        for role in [Role::Agent, Role::Supervisor, Role::Admin] {
            assert!(manage_ticket(Some(&staff(role)), ANONYMOUS_TICKET).is_ok());
        }
    }

    #[test]
    fn only_admins_administer() {
        assert!(administer(Some(&staff(Role::Admin))).is_ok());
        assert_eq!(administer(Some(&staff(Role::Supervisor))).unwrap_err().http_status(), 403);
        assert_eq!(administer(None).unwrap_err().http_status(), 401);
    }

    #[test]
    fn operations_are_for_supervisors_and_admins() {
        assert!(view_operations(Some(&staff(Role::Supervisor))).is_ok());
        assert!(view_operations(Some(&staff(Role::Admin))).is_ok());
        assert_eq!(view_operations(Some(&staff(Role::Agent))).unwrap_err().http_status(), 403);
        assert_eq!(view_operations(Some(&customer(1, None, false))).unwrap_err().http_status(), 403);
    }

    #[test]
    fn only_the_reporter_decides_on_a_shared_ticket() {
        let owner = TicketOwner { customer_id: Some(1), organisation_id: Some(7) };
        let reporter = Actor::Customer { user_id: Some(1), name: "Ada".into() };
        let colleague = Actor::Customer { user_id: Some(2), name: "Bo".into() };
        let link_holder = Actor::Customer { user_id: None, name: "Ada".into() };
        let confirm = Command::Confirm;
        let reply = Command::Reply { body: "x".into(), wait_for_customer: false, set_status: None };
        assert!(customer_decides(owner, &reporter, &confirm).is_ok());
        assert!(customer_decides(owner, &link_holder, &confirm).is_ok());
        assert_eq!(customer_decides(owner, &colleague, &confirm).unwrap_err().code, ErrorCode::Forbidden);
        assert!(customer_decides(owner, &colleague, &reply).is_ok());
        let staff = Actor::Agent { user_id: 3, name: "Lise".into(), tier: crate::auth::Tier::L1 };
        assert!(customer_decides(owner, &staff, &Command::Reopen { reason: "x".into() }).is_ok());
    }

    #[test]
    fn breach_cases_are_need_to_know() {
        let agent = staff(Role::Agent);
        let admin = staff(Role::Admin);
        assert!(see_breach_case(Some(&agent), false, true).is_ok());
        assert!(see_breach_case(Some(&agent), true, false).is_ok());
        // Not even an admin sees a case without the permission or an invitation: 404.
        assert_eq!(see_breach_case(Some(&admin), false, false).unwrap_err().code, ErrorCode::NotFound);
        let customer = customer(1, None, false);
        assert_eq!(see_breach_case(Some(&customer), true, true).unwrap_err().code, ErrorCode::Forbidden);
        let token = token(&[Scope::TicketsRead, Scope::TicketsWrite]);
        assert_eq!(see_breach_case(Some(&token), true, true).unwrap_err().code, ErrorCode::Forbidden);
        assert_eq!(see_breach_case(None, true, true).unwrap_err().code, ErrorCode::Unauthenticated);
        assert!(lead_breaches(Some(&agent), true).is_ok());
        assert_eq!(lead_breaches(Some(&agent), false).unwrap_err().code, ErrorCode::Forbidden);
    }
}
