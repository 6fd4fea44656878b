//! Who is asking: roles, tiers, the signed-in principal, and the rules for accounts,
//! passwords and sessions. Hashing and randomness happen in the Worker (WebCrypto); the
//! rules about them live here.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode, FieldError};
use crate::message::Language;
use crate::ticket::NAME;
use crate::validation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Customer,
    Agent,
    Supervisor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Customer, Role::Agent, Role::Supervisor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Agent => "agent",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }

    /// Everyone but customers works tickets.
    pub fn is_staff(self) -> bool {
        self != Role::Customer
    }
}

/// The agent tiers of the source document: L1 service desk, L2 specialists, L3 experts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    L1,
    L2,
    L3,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::L1, Tier::L2, Tier::L3];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::L1 => "l1",
            Tier::L2 => "l2",
            Tier::L3 => "l3",
        }
    }

    pub fn parse(text: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|tier| tier.as_str() == text)
    }
}

/// What an API token may do. Tokens are for machines (monitoring, integrations), so they
/// get narrow rights, never a person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    #[serde(rename = "tickets:read")]
    TicketsRead,
    #[serde(rename = "tickets:write")]
    TicketsWrite,
    #[serde(rename = "alerts:write")]
    AlertsWrite,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::TicketsRead, Scope::TicketsWrite, Scope::AlertsWrite];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::TicketsRead => "tickets:read",
            Scope::TicketsWrite => "tickets:write",
            Scope::AlertsWrite => "alerts:write",
        }
    }

    pub fn parse(text: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|scope| scope.as_str() == text)
    }
}

/// The rights of a caller that authenticated with an API token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenGrant {
    pub token_id: i64,
    pub scopes: Vec<Scope>,
}

/// Who is calling, as the policy sees them. Anonymous callers are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The person, or for a token the admin who created it.
    pub user_id: i64,
    /// The person's name, or the token's (an integration's, "Prometheus"): how history
    /// shows who acted.
    pub name: String,
    pub role: Role,
    pub tier: Option<Tier>,
    pub organisation_id: Option<i64>,
    /// The organisation lets its members see each other's tickets.
    pub organisation_shares_tickets: bool,
    /// Set when the caller is an API token; its scopes then bound everything it may do.
    pub token: Option<TokenGrant>,
}

impl Principal {
    /// How the caller is named in ticket history.
    pub fn actor(&self) -> String {
        match &self.token {
            Some(grant) => format!("token:{}", grant.token_id),
            None => format!("user:{}", self.user_id),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRef {
    pub id: i64,
    pub name: String,
}

/// `GET /api/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub tier: Option<Tier>,
    pub organisation: Option<OrganisationRef>,
    pub language: Language,
    /// Sees every data-breach case and keeps the breach register.
    #[serde(default)]
    pub privacy_lead: bool,
}

/// `PUT /api/me/language`: the language the person now uses the desk in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageChoice {
    pub language: Language,
}

/// `GET /api/session`: who is signed in, `me: null` when nobody is. Unlike `/api/me` it
/// answers 200 either way, so the SPA can ask on every start without an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub me: Option<Me>,
}

/// `POST /api/auth/login`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

impl Credentials {
    /// Only shape checks: a wrong password must look exactly like an unknown email.
    pub fn validate(&self) -> Result<(String, String), ApiError> {
        let email = validation::email("email", &self.email).map_err(single)?;
        if self.password.is_empty() {
            return Err(single(FieldError {
                field: "password".into(),
                code: ErrorCode::Required,
                message: "Password is required".into(),
            }));
        }
        Ok((email.to_lowercase(), self.password.clone()))
    }
}

/// `POST /api/auth/signup`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUp {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The language of the form: the confirmation mail and the new account use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::message::Language>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSignUp {
    pub name: String,
    pub email: String,
    pub password: String,
    pub phone: Option<String>,
}

impl SignUp {
    pub fn validate(&self) -> Result<ValidSignUp, ApiError> {
        let name = NAME.required(&self.name);
        let email = validation::email("email", &self.email).map(|email| email.to_lowercase());
        let password = check_new_password(&self.password, &self.email).map(|()| self.password.clone());
        let phone = validation::optional_phone("phone", self.phone.as_deref());
        match (name, email, password, phone) {
            (Ok(name), Ok(email), Ok(password), Ok(phone)) => {
                Ok(ValidSignUp { name, email, password, phone })
            }
            (name, email, password, phone) => {
                let errors =
                    [name.err(), email.err(), password.err(), phone.err()].into_iter().flatten().collect();
                Err(ApiError::from_field_errors(errors).expect("at least one field failed"))
            }
        }
    }
}

fn single(error: FieldError) -> ApiError {
    ApiError::from_field_errors(vec![error]).expect("one error")
}

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 200;

/// Passwords long enough to pass the length rule that still top breach lists.
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "12345678910",
    "123456789a",
    "0123456789",
    "0987654321",
    "1111111111",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "qwertyuiop",
    "qwerty1234",
    "qwerty12345",
    "qwerty123456",
    "password12",
    "password123",
    "password1234",
    "password!",
    "passw0rd123",
    "iloveyou12",
    "iloveyou123",
    "abcdefghij",
    "abc1234567",
    "abcd123456",
    "aaaaaaaaaa",
    "a123456789",
    "asdfghjkl1",
    "zxcvbnm123",
    "princess12",
    "football12",
    "baseball12",
    "welcome123",
    "sunshine12",
    "letmein123",
    "changeme12",
    "administrator",
    "adgangskode",
    "adgangskode1",
    "kodeord123",
    "sommer2024",
    "sommer2025",
    "sommer2026",
    "vinter2025",
    "summer2025",
    "summer2026",
    "winter2025",
    "demo-password",
    "edgedesk123",
];

/// The rules for a new password: long enough, not absurdly long (hashing cost), not a
/// common one, and not the email address or its name part.
pub fn check_new_password(password: &str, email: &str) -> Result<(), FieldError> {
    let weak =
        |message: String| FieldError { field: "password".into(), code: ErrorCode::WeakPassword, message };
    let chars = password.chars().count();
    if chars == 0 {
        return Err(FieldError {
            field: "password".into(),
            code: ErrorCode::Required,
            message: "Password is required".into(),
        });
    }
    if chars < PASSWORD_MIN_CHARS {
        return Err(weak(format!("Use at least {PASSWORD_MIN_CHARS} characters")));
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(FieldError {
            field: "password".into(),
            code: ErrorCode::TooLong,
            message: format!("Use at most {PASSWORD_MAX_CHARS} characters"),
        });
    }
    let lower = password.to_lowercase();
    let email = email.trim().to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    let one_repeated_char = lower.chars().all(|c| lower.starts_with(c));
    if COMMON_PASSWORDS.contains(&lower.as_str())
        || one_repeated_char
        || lower == email
        || (local_part.len() >= 4 && lower.contains(local_part))
    {
        return Err(weak("This password is too easy to guess; choose another".into()));
    }
    Ok(())
}

/// Compares secrets in time that depends only on their lengths, so response timing does
/// not reveal how much of a guess was right.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// How long a session lives: it ends after `idle` without use or `absolute` after sign-in,
/// whichever comes first.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
    /// Recording every request's time would write to D1 on every read; once per
    /// `touch_every` is precise enough for idle expiry.
    pub touch_every: Duration,
}

/// See [`SessionPolicy::touch_bounds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TouchBounds {
    pub last_seen_at_most: DateTime<Utc>,
    pub last_seen_after: DateTime<Utc>,
    pub created_after: DateTime<Utc>,
}

pub const SESSIONS: SessionPolicy = SessionPolicy {
    idle: Duration::hours(12),
    absolute: Duration::days(7),
    touch_every: Duration::minutes(5),
};

impl SessionPolicy {
    pub fn is_live(
        &self,
        created_at: DateTime<Utc>,
        last_seen_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now < created_at + self.absolute && now < last_seen_at + self.idle
    }

    /// Which sessions get their last use recorded at `now`: live ones last seen at least
    /// `touch_every` ago. As bounds, so the store's UPDATE can never revive an ended session.
    pub fn touch_bounds(&self, now: DateTime<Utc>) -> TouchBounds {
        TouchBounds {
            last_seen_at_most: now - self.touch_every,
            last_seen_after: now - self.idle,
            created_after: now - self.absolute,
        }
    }

    /// The cookie's Max-Age: the browser may drop it when the server would anyway.
    pub fn cookie_max_age_seconds(&self) -> i64 {
        self.absolute.num_seconds()
    }
}

/// Read by the SPA's boot script to load the console bundle for ticket pages at once
/// instead of handing over from the portal. Not HttpOnly on purpose: it is a hint for
/// which code to download, never a credential; the API decides what anyone may see.
pub const STAFF_HINT_COOKIE: &str = "edgedesk_staff";

/// The `Set-Cookie` value (also what the SPA writes to `document.cookie`) that sets the
/// staff hint for as long as a session may live, or clears it.
pub fn staff_hint_cookie(staff: bool, https: bool) -> String {
    let (value, max_age) = if staff { ("1", SESSIONS.cookie_max_age_seconds()) } else { ("", 0) };
    let secure = if https { "; Secure" } else { "" };
    format!("{STAFF_HINT_COOKIE}={value}; Path=/; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// Where to go after signing in: only a path on this site (`/console`, `/tickets/4?x=1`),
/// never another origin (`//evil.example`, `https://…`, `/\\evil`), which would turn the
/// sign-in page into an open redirect.
pub fn safe_return_path(next: &str) -> Option<&str> {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\");
    (local && !next.chars().any(char::is_control)).then_some(next)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_staff_hint_lives_as_long_as_a_session_and_is_cleared_with_max_age_zero() {
        assert_eq!(
            staff_hint_cookie(true, true),
            "edgedesk_staff=1; Path=/; SameSite=Lax; Max-Age=604800; Secure"
        );
        assert_eq!(staff_hint_cookie(false, false), "edgedesk_staff=; Path=/; SameSite=Lax; Max-Age=0");
    }

    use super::*;

    #[test]
    fn scopes_round_trip_and_serialise_with_colons() {
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.as_str()), Some(scope));
        }
        assert_eq!(serde_json::to_value(Scope::TicketsRead).unwrap(), "tickets:read");
        assert_eq!(Scope::parse("tickets:delete"), None);
    }

    #[test]
    fn roles_and_tiers_round_trip_through_storage_text() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        for tier in Tier::ALL {
            assert_eq!(Tier::parse(tier.as_str()), Some(tier));
        }
        assert_eq!(serde_json::to_value(Tier::L2).unwrap(), "l2");
        assert!(!Role::Customer.is_staff());
        assert!(Role::Agent.is_staff() && Role::Admin.is_staff());
    }

    #[test]
    fn passwords_must_be_long_uncommon_and_not_the_email() {
        let check =
            |password: &str| check_new_password(password, "karen.blixen@example.com").map_err(|e| e.code);
        assert_eq!(check(""), Err(ErrorCode::Required));
        assert_eq!(check("short"), Err(ErrorCode::WeakPassword));
        assert_eq!(check("Password123"), Err(ErrorCode::WeakPassword));
        assert_eq!(check("zzzzzzzzzzzz"), Err(ErrorCode::WeakPassword));
        assert_eq!(check("karen.blixen2026"), Err(ErrorCode::WeakPassword));
        assert_eq!(check(&"x1".repeat(101)), Err(ErrorCode::TooLong));
        assert_eq!(check("correct horse battery"), Ok(()));
        assert_eq!(check("ÆbleGrød-på-taget"), Ok(()));
    }

    #[test]
    fn sign_up_reports_every_problem() {
        let bad =
            SignUp { name: "".into(), email: "nope".into(), password: "123".into(), ..SignUp::default() };
        let fields: Vec<_> = bad.validate().unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "email", "password"]);
        let good = SignUp {
            name: " Karen ".into(),
            email: "Karen@Example.com".into(),
            password: "out of africa 1937".into(),
            phone: Some("".into()),
            language: None,
        };
        let valid = good.validate().unwrap();
        assert_eq!(
            (valid.name.as_str(), valid.email.as_str(), valid.phone),
            ("Karen", "karen@example.com", None)
        );
    }

    #[test]
    fn login_checks_shape_only_and_normalises_email() {
        let credentials = Credentials { email: " A@B.DK ".into(), password: "x".into() };
        assert_eq!(credentials.validate().unwrap(), ("a@b.dk".to_string(), "x".to_string()));
        let missing = Credentials { email: "a@b.dk".into(), password: String::new() };
        assert_eq!(missing.validate().unwrap_err().field.as_deref(), Some("password"));
    }

    #[test]
    fn return_paths_stay_on_this_site() {
        assert_eq!(safe_return_path("/console"), Some("/console"));
        assert_eq!(safe_return_path("/tickets/4?new=1"), Some("/tickets/4?new=1"));
        for bad in ["", "console", "//evil.example", "/\\evil.example", "https://evil.example", "/a\nb"] {
            assert_eq!(safe_return_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn constant_time_eq_is_plain_equality() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn sessions_end_when_idle_or_old() {
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let live = |last_seen: Duration, now: Duration| SESSIONS.is_live(t0, t0 + last_seen, t0 + now);
        assert!(live(Duration::zero(), Duration::hours(11)));
        assert!(!live(Duration::zero(), Duration::hours(12)));
        assert!(live(Duration::days(6), Duration::days(6) + Duration::hours(1)));
        assert!(!live(Duration::days(7) - Duration::minutes(1), Duration::days(7)));
        let now = t0 + Duration::days(1);
        let touched = |created: DateTime<Utc>, last_seen: DateTime<Utc>| {
            let bounds = SESSIONS.touch_bounds(now);
            last_seen <= bounds.last_seen_at_most
                && last_seen > bounds.last_seen_after
                && created > bounds.created_after
        };
        assert!(!touched(t0, now - Duration::minutes(4)), "seen four minutes ago: not yet");
        assert!(touched(t0, now - Duration::minutes(5)));
        assert!(!touched(t0, now - Duration::hours(12)), "idle too long: never revived");
        assert!(!touched(now - Duration::days(7), now - Duration::minutes(5)), "too old: never revived");
        // Touching never revives: whatever is touched is live.
        for minutes in [5, 60, 719] {
            let last_seen = now - Duration::minutes(minutes);
            assert_eq!(touched(t0, last_seen), SESSIONS.is_live(t0, last_seen, now));
        }
    }
}
