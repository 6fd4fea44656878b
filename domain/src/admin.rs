//! Staff administration: invitations, and changing an account's role, tier or standing.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::{check_new_password, OrganisationRef, Role, Scope, Tier};
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::message::Language;
use crate::ticket::NAME;
use crate::validation;

/// How long an invitation link works.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);

/// A row of the admin's account list (`GET /api/admin/users`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub tier: Option<Tier>,
    pub organisation: Option<OrganisationRef>,
    pub active: bool,
    /// Sees every data-breach case and keeps the breach register (staff only).
    pub privacy_lead: bool,
    /// The language the person last used the desk in; their mail is written in it.
    pub language: Language,
    pub created_at: DateTime<Utc>,
    /// Names the state a change is based on (optimistic concurrency).
    pub version: i64,
}

fn invalid_role(message: &str) -> ApiError {
    ApiError { field: Some("tier".into()), ..ApiError::new(ErrorCode::InvalidRole, message) }
}

/// Agents work in a tier; nobody else has one.
pub fn check_role_and_tier(role: Role, tier: Option<Tier>) -> Result<(), ApiError> {
    match (role, tier) {
        (Role::Agent, None) => Err(invalid_role("An agent needs a tier (l1, l2 or l3)")),
        (Role::Agent, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err(invalid_role("Only agents have a tier")),
    }
}

/// `POST /api/admin/invitations`: a staff member to invite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInvitation {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub tier: Option<Tier>,
}

impl NewInvitation {
    /// Email and name checked like everywhere else; only staff roles are invited
    /// (customers sign up themselves).
    pub fn validate(&self) -> Result<NewInvitation, ApiError> {
        let email = validation::email("email", &self.email).map(|email| email.to_lowercase());
        let name = NAME.required(&self.name);
        let errors: Vec<FieldError> =
            [email.as_ref().err(), name.as_ref().err()].into_iter().flatten().cloned().collect();
        if let Some(error) = ApiError::from_field_errors(errors) {
            return Err(error);
        }
        if self.role == Role::Customer {
            return Err(ApiError {
                field: Some("role".into()),
                ..ApiError::new(ErrorCode::InvalidRole, "Customers sign up themselves; invite staff only")
            });
        }
        check_role_and_tier(self.role, self.tier)?;
        Ok(NewInvitation { email: email.unwrap_or_default(), name: name.unwrap_or_default(), ..self.clone() })
    }
}

/// The answer to creating an invitation: the link is shown once (only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationCreated {
    pub id: i64,
    /// `/invite/{token}` on this site.
    pub path: String,
    pub expires_at: DateTime<Utc>,
}

/// What the invited person sees before accepting (`GET /api/invitations/{token}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationInfo {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub tier: Option<Tier>,
    pub expires_at: DateTime<Utc>,
}

impl InvitationInfo {
    /// An invitation works until it expires and only once.
    pub fn check_usable(&self, accepted: bool, now: DateTime<Utc>) -> Result<(), ApiError> {
        if accepted || now >= self.expires_at {
            Err(ApiError::new(
                ErrorCode::InvitationExpired,
                "This invitation has expired or was already used",
            ))
        } else {
            Ok(())
        }
    }
}

/// `POST /api/invitations/{token}/accept`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptInvitation {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub password: String,
}

impl AcceptInvitation {
    pub fn validate(&self, email: &str) -> Result<(String, String), ApiError> {
        let name = NAME.required(&self.name);
        let password = check_new_password(&self.password, email);
        match (name, password) {
            (Ok(name), Ok(())) => Ok((name, self.password.clone())),
            (name, password) => {
                let errors = [name.err(), password.err()].into_iter().flatten().collect();
                Err(ApiError::from_field_errors(errors).expect("at least one field failed"))
            }
        }
    }
}

/// `PATCH /api/admin/users/{id}`: the fields to change, and the version they are based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserChange {
    pub version: i64,
    #[serde(default)]
    pub role: Option<Role>,
    /// `Some(None)` clears the tier; absent leaves it.
    #[serde(default, with = "double_option")]
    pub tier: Option<Option<Tier>>,
    #[serde(default)]
    pub active: Option<bool>,
    /// Customers only: `Some(None)` takes them out of their organisation.
    #[serde(default, with = "double_option")]
    pub organisation_id: Option<Option<i64>>,
    #[serde(default)]
    pub privacy_lead: Option<bool>,
}

impl UserChange {
    /// The account after the change, checked: a consistent role and tier, and an admin
    /// cannot demote or deactivate themselves (another admin must, so one always remains).
    pub fn apply(&self, current: &UserSummary, acting_admin_id: i64) -> Result<UserSummary, ApiError> {
        let mut next = current.clone();
        if let Some(role) = self.role {
            next.role = role;
        }
        if let Some(tier) = self.tier {
            next.tier = tier;
        } else if next.role != Role::Agent {
            next.tier = None;
        }
        if let Some(active) = self.active {
            next.active = active;
        }
        if let Some(organisation_id) = self.organisation_id {
            // The name is the store's to fill in; only the id is written.
            next.organisation = organisation_id.map(|id| OrganisationRef { id, name: String::new() });
        }
        if let Some(lead) = self.privacy_lead {
            next.privacy_lead = lead;
        }
        if next.role == Role::Customer && next.privacy_lead {
            return Err(ApiError {
                field: Some("privacy_lead".into()),
                ..ApiError::new(ErrorCode::InvalidRole, "Only staff can be the privacy lead")
            });
        }
        if next.role != Role::Customer && next.organisation.is_some() {
            return Err(ApiError {
                field: Some("organisation_id".into()),
                ..ApiError::new(ErrorCode::InvalidRole, "Only customers belong to organisations")
            });
        }
        if (current.role == Role::Customer) != (next.role == Role::Customer) {
            return Err(ApiError {
                field: Some("role".into()),
                ..ApiError::new(ErrorCode::InvalidRole, "Customers and staff are different kinds of account")
            });
        }
        check_role_and_tier(next.role, next.tier)?;
        let demotes_self = current.id == acting_admin_id && (next.role != Role::Admin || !next.active);
        if demotes_self {
            return Err(ApiError::new(
                ErrorCode::LastAdmin,
                "You cannot remove your own admin rights; ask another admin",
            ));
        }
        Ok(next)
    }
}

/// A customer organisation as admins see it (`GET /api/admin/organisations`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub id: i64,
    pub name: String,
    /// Members see each other's tickets.
    pub members_see_all_tickets: bool,
    pub members: i64,
    pub version: i64,
}

/// `POST /api/admin/organisations`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrganisation {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub members_see_all_tickets: bool,
}

impl NewOrganisation {
    pub fn validate(&self) -> Result<NewOrganisation, ApiError> {
        let name = NAME
            .required(&self.name)
            .map_err(|error| ApiError::from_field_errors(vec![error]).expect("one"))?;
        Ok(NewOrganisation { name, ..self.clone() })
    }
}

/// `PATCH /api/admin/organisations/{id}`: whether members share tickets, based on `version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationChange {
    pub version: i64,
    pub members_see_all_tickets: bool,
}

/// Prefix that makes an Edgedesk token recognisable (in logs, in secret scanners).
pub const API_TOKEN_PREFIX: &str = "edt_";

/// A row of the admin's token list (`GET /api/admin/tokens`); never the token itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenSummary {
    pub id: i64,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// `POST /api/admin/tokens`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewApiToken {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub scopes: Vec<Scope>,
}

impl NewApiToken {
    /// A name to recognise it by and at least one scope; duplicates are dropped.
    pub fn validate(&self) -> Result<NewApiToken, ApiError> {
        let name = NAME
            .required(&self.name)
            .map_err(|error| ApiError::from_field_errors(vec![error]).expect("one"))?;
        let mut scopes = Vec::new();
        for scope in &self.scopes {
            if !scopes.contains(scope) {
                scopes.push(*scope);
            }
        }
        if scopes.is_empty() {
            return Err(ApiError {
                field: Some("scopes".into()),
                ..ApiError::new(ErrorCode::Required, "Choose at least one scope")
            });
        }
        Ok(NewApiToken { name, scopes })
    }
}

/// The answer to creating a token: the secret, this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenCreated {
    pub id: i64,
    pub token: String,
}

/// Distinguishes a missing field from an explicit `null`.
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent() -> UserSummary {
        UserSummary {
            id: 3,
            name: "Lise".into(),
            email: "l1@example.com".into(),
            role: Role::Agent,
            tier: Some(Tier::L1),
            organisation: None,
            active: true,
            privacy_lead: false,
            language: Language::Da,
            created_at: DateTime::from_timestamp(0, 0).unwrap(),
            version: 1,
        }
    }

    fn change(json: &str) -> UserChange {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn tokens_need_a_name_and_a_scope() {
        let token = |name: &str, scopes: &[Scope]| NewApiToken { name: name.into(), scopes: scopes.to_vec() };
        let valid = token(" Nagios ", &[Scope::AlertsWrite, Scope::AlertsWrite]).validate().unwrap();
        assert_eq!((valid.name.as_str(), valid.scopes), ("Nagios", vec![Scope::AlertsWrite]));
        assert_eq!(token("Nagios", &[]).validate().unwrap_err().field.as_deref(), Some("scopes"));
        assert_eq!(token("", &[Scope::TicketsRead]).validate().unwrap_err().field.as_deref(), Some("name"));
    }

    #[test]
    fn only_agents_have_tiers() {
        assert!(check_role_and_tier(Role::Agent, Some(Tier::L2)).is_ok());
        assert!(check_role_and_tier(Role::Supervisor, None).is_ok());
        assert_eq!(check_role_and_tier(Role::Agent, None).unwrap_err().code, ErrorCode::InvalidRole);
        assert_eq!(check_role_and_tier(Role::Admin, Some(Tier::L3)).unwrap_err().http_status(), 422);
    }

    #[test]
    fn invitations_are_for_staff_with_sane_details() {
        let invite =
            |role, tier| NewInvitation { email: " New@Example.com ".into(), name: "New".into(), role, tier };
        let valid = invite(Role::Agent, Some(Tier::L2)).validate().unwrap();
        assert_eq!(valid.email, "new@example.com");
        assert_eq!(invite(Role::Customer, None).validate().unwrap_err().code, ErrorCode::InvalidRole);
        assert_eq!(invite(Role::Agent, None).validate().unwrap_err().code, ErrorCode::InvalidRole);
        let bad = NewInvitation { email: "x".into(), name: "".into(), role: Role::Admin, tier: None };
        assert_eq!(bad.validate().unwrap_err().errors.len(), 2);
    }

    #[test]
    fn invitations_expire_and_work_once() {
        let now = DateTime::from_timestamp(1_000_000, 0).unwrap();
        let info = InvitationInfo {
            email: "a@b.dk".into(),
            name: "A".into(),
            role: Role::Agent,
            tier: Some(Tier::L1),
            expires_at: now + INVITATION_LIFETIME,
        };
        assert!(info.check_usable(false, now).is_ok());
        assert_eq!(info.check_usable(true, now).unwrap_err().http_status(), 410);
        assert_eq!(
            info.check_usable(false, now + INVITATION_LIFETIME).unwrap_err().code,
            ErrorCode::InvitationExpired
        );
    }

    #[test]
    fn promoting_an_agent_drops_the_tier_and_tiers_can_change() {
        let promoted = change(r#"{"version":1,"role":"supervisor"}"#).apply(&agent(), 7).unwrap();
        assert_eq!((promoted.role, promoted.tier), (Role::Supervisor, None));
        let moved = change(r#"{"version":1,"tier":"l3"}"#).apply(&agent(), 7).unwrap();
        assert_eq!(moved.tier, Some(Tier::L3));
        let tierless = change(r#"{"version":1,"tier":null}"#).apply(&agent(), 7).unwrap_err();
        assert_eq!(tierless.code, ErrorCode::InvalidRole);
    }

    #[test]
    fn only_customers_join_organisations() {
        let customer = UserSummary { role: Role::Customer, tier: None, ..agent() };
        let joined = change(r#"{"version":1,"organisation_id":2}"#).apply(&customer, 7).unwrap();
        assert_eq!(joined.organisation.map(|o| o.id), Some(2));
        let left =
            change(r#"{"version":1,"organisation_id":null}"#).apply(&joined_clone(&customer), 7).unwrap();
        assert_eq!(left.organisation, None);
        let staff = change(r#"{"version":1,"organisation_id":2}"#).apply(&agent(), 7).unwrap_err();
        assert_eq!(staff.code, ErrorCode::InvalidRole);
    }

    #[test]
    fn only_staff_can_be_the_privacy_lead() {
        let lead = change(r#"{"version":1,"privacy_lead":true}"#).apply(&agent(), 7).unwrap();
        assert!(lead.privacy_lead);
        let customer = UserSummary { role: Role::Customer, tier: None, ..agent() };
        let refused = change(r#"{"version":1,"privacy_lead":true}"#).apply(&customer, 7).unwrap_err();
        assert_eq!(refused.field.as_deref(), Some("privacy_lead"));
    }

    fn joined_clone(customer: &UserSummary) -> UserSummary {
        UserSummary {
            organisation: Some(OrganisationRef { id: 2, name: "Fjord".into() }),
            ..customer.clone()
        }
    }

    #[test]
    fn staff_cannot_become_customers_and_admins_cannot_demote_themselves() {
        let to_customer = change(r#"{"version":1,"role":"customer"}"#).apply(&agent(), 7).unwrap_err();
        assert_eq!(to_customer.code, ErrorCode::InvalidRole);
        let me = UserSummary { id: 7, role: Role::Admin, tier: None, ..agent() };
        for json in [r#"{"version":1,"active":false}"#, r#"{"version":1,"role":"supervisor"}"#] {
            assert_eq!(change(json).apply(&me, 7).unwrap_err().code, ErrorCode::LastAdmin);
        }
        assert!(!change(r#"{"version":1,"active":false}"#).apply(&me, 8).unwrap().active);
    }
}
