//! The translation layer. Every string a person reads comes from a [`Texts`] table; a
//! missing translation is a compile error because both tables fill the same struct.
//! The chosen language is remembered in localStorage and mirrored on `<html lang>`.

use edgedesk_domain::age::Age;
use edgedesk_domain::auth::Role;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::ErrorCode;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const STORAGE_KEY: &str = "edgedesk.lang";

/// The desk's languages are the domain's, so the SPA and outgoing mail offer the same.
pub use edgedesk_domain::message::Language as Lang;

/// The language's own name, so people find theirs whatever is selected.
pub fn native_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Da => "Dansk",
    }
}

fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Da => &DA,
    }
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
    }

    /// The texts of the current language (reactive).
    pub fn t(&self) -> &'static Texts {
        texts(self.lang.get())
    }
}

/// Chooses the remembered language, else the browser's, else English.
pub fn provide_i18n() {
    let remembered = LocalStorage::get::<String>(STORAGE_KEY).ok().and_then(|code| Lang::parse(&code));
    let from_browser = || window().navigator().language().and_then(|code| Lang::parse(&code));
    let lang = RwSignal::new(remembered.or_else(from_browser).unwrap_or(Lang::En));
    Effect::new(move |_| {
        let lang = lang.get();
        // Remembering is a convenience: private browsing may refuse storage.
        let _ = LocalStorage::set(STORAGE_KEY, lang.code());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    provide_context(I18n { lang });
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

pub struct Texts {
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub menu: &'static str,
    pub nav_report: &'static str,
    pub nav_console: &'static str,
    pub language_label: &'static str,
    pub theme_label: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub footer_tagline: &'static str,

    pub report_title: &'static str,
    pub report_intro: &'static str,
    pub field_name: &'static str,
    pub field_email: &'static str,
    pub field_phone: &'static str,
    pub field_title: &'static str,
    pub field_description: &'static str,
    pub field_description_hint: &'static str,
    pub field_symptoms: &'static str,
    pub submit_report: &'static str,
    pub submitting: &'static str,
    pub form_has_errors: &'static str,

    pub err_required: &'static str,
    pub err_too_long: fn(usize) -> String,
    pub err_invalid_email: &'static str,
    pub err_invalid_phone: &'static str,
    pub err_invalid_characters: &'static str,
    pub err_network: &'static str,
    pub err_unavailable: &'static str,
    pub err_generic: &'static str,

    pub received_title: &'static str,
    pub received_number: &'static str,
    pub received_hint: &'static str,
    pub report_another: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub ticket_status: &'static str,
    pub ticket_reported: &'static str,
    pub ticket_reporter: &'static str,
    pub ticket_description: &'static str,
    pub ticket_symptoms: &'static str,
    pub ticket_not_found: &'static str,
    pub status_new: &'static str,
    pub status_open: &'static str,
    pub status_in_progress: &'static str,
    pub status_pending_customer: &'static str,
    /// The same status as the desk says it (customers read "waiting for your reply").
    pub status_waiting_on_customer: &'static str,
    pub status_pending_third_party: &'static str,
    pub status_resolved: &'static str,
    pub status_closed: &'static str,
    pub status_cancelled: &'static str,
    pub loading: &'static str,

    pub console_title: &'static str,
    pub console_loading: &'static str,
    pub console_empty: &'static str,
    pub console_error: &'static str,
    pub retry: &'static str,
    pub load_more: &'static str,
    pub col_number: &'static str,
    pub col_title: &'static str,
    pub col_reporter: &'static str,
    pub age_just_now: &'static str,
    pub age_minutes: fn(i64) -> String,
    pub age_hours: fn(i64) -> String,
    pub age_days: fn(i64) -> String,

    pub nav_my_tickets: &'static str,
    pub nav_sign_in: &'static str,
    pub nav_sign_up: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub field_password: &'static str,
    pub field_new_password_hint: &'static str,
    pub sign_in_button: &'static str,
    pub signing_in: &'static str,
    pub no_account: &'static str,
    pub have_account: &'static str,
    pub sign_up_title: &'static str,
    pub sign_up_intro: &'static str,
    pub sign_up_button: &'static str,
    pub err_invalid_credentials: &'static str,
    pub err_email_taken: &'static str,
    pub err_weak_password: &'static str,
    pub err_forbidden: &'static str,
    pub err_rate_limited: &'static str,
    pub my_tickets_title: &'static str,
    pub my_tickets_empty: &'static str,
    pub my_tickets_none_open: &'static str,
    pub my_tickets_none_closed: &'static str,
    pub status_link_label: &'static str,
    pub status_link_hint: &'static str,
    pub status_not_found: &'static str,
    pub status_link_heading: &'static str,
    pub status_link_is_active: &'static str,
    pub status_link_is_revoked: &'static str,
    pub revoke_status_link: &'static str,
    pub nav_admin: &'static str,
    /// The tabs between the admin pages.
    pub admin_sections: &'static str,
    pub admin_title: &'static str,
    pub accounts_heading: &'static str,
    pub col_name: &'static str,
    pub col_email: &'static str,
    pub col_role: &'static str,
    pub col_tier: &'static str,
    pub col_active: &'static str,
    pub col_actions: &'static str,
    pub role_customer: &'static str,
    pub role_agent: &'static str,
    pub role_supervisor: &'static str,
    pub role_admin: &'static str,
    pub tier_none: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub err_version_conflict: &'static str,
    pub err_last_admin: &'static str,
    pub err_invalid_role: &'static str,
    pub err_invitation_expired: &'static str,
    pub invite_heading: &'static str,
    pub invite_button: &'static str,
    pub invite_created: &'static str,
    pub invitation_title: &'static str,
    pub invitation_intro: &'static str,
    pub accept_button: &'static str,
    pub tokens_heading: &'static str,
    pub tokens_intro: &'static str,
    pub token_name: &'static str,
    pub token_scopes: &'static str,
    pub create_token: &'static str,
    pub token_created: &'static str,
    pub col_last_used: &'static str,
    pub col_state: &'static str,
    pub never: &'static str,
    pub token_active: &'static str,
    pub token_revoked: &'static str,
    pub revoke: &'static str,
    pub tokens_empty: &'static str,
    pub sign_out_everywhere: &'static str,
    pub col_organisation: &'static str,
    pub no_organisation: &'static str,
    pub organisations_heading: &'static str,
    pub organisation_name: &'static str,
    pub members_share: &'static str,
    pub col_members: &'static str,
    pub create_organisation: &'static str,
    pub err_name_taken: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
}

impl Texts {
    /// What to tell a person about an error code, with the limit of the field when the
    /// code is about length.
    pub fn error(&self, code: ErrorCode, max_chars: Option<usize>) -> String {
        match code {
            ErrorCode::Required => self.err_required.to_string(),
            ErrorCode::TooLong => max_chars.map_or(self.err_generic.to_string(), self.err_too_long),
            ErrorCode::InvalidEmail => self.err_invalid_email.to_string(),
            ErrorCode::InvalidPhone => self.err_invalid_phone.to_string(),
            ErrorCode::InvalidCharacters => self.err_invalid_characters.to_string(),
            ErrorCode::Network => self.err_network.to_string(),
            ErrorCode::StorageUnavailable => self.err_unavailable.to_string(),
            ErrorCode::InvalidCredentials => self.err_invalid_credentials.to_string(),
            ErrorCode::EmailTaken => self.err_email_taken.to_string(),
            ErrorCode::WeakPassword => self.err_weak_password.to_string(),
            ErrorCode::Forbidden => self.err_forbidden.to_string(),
            ErrorCode::RateLimited => self.err_rate_limited.to_string(),
            ErrorCode::VersionConflict => self.err_version_conflict.to_string(),
            ErrorCode::LastAdmin => self.err_last_admin.to_string(),
            ErrorCode::NameTaken => self.err_name_taken.to_string(),
            ErrorCode::InvalidRole => self.err_invalid_role.to_string(),
            ErrorCode::InvitationExpired => self.err_invitation_expired.to_string(),
            _ => self.err_generic.to_string(),
        }
    }

    pub fn age(&self, age: Age) -> String {
        match age {
            Age::JustNow => self.age_just_now.to_string(),
            Age::Minutes(n) => (self.age_minutes)(n),
            Age::Hours(n) => (self.age_hours)(n),
            Age::Days(n) => (self.age_days)(n),
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Customer => self.role_customer,
            Role::Agent => self.role_agent,
            Role::Supervisor => self.role_supervisor,
            Role::Admin => self.role_admin,
        }
    }

    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::New => self.status_new,
            Status::Open => self.status_open,
            Status::InProgress => self.status_in_progress,
            Status::PendingCustomer => self.status_pending_customer,
            Status::PendingThirdParty => self.status_pending_third_party,
            Status::Resolved => self.status_resolved,
            Status::Closed => self.status_closed,
            Status::Cancelled => self.status_cancelled,
        }
    }

    /// A status in the reader's wording: staff or the customer.
    pub fn status_for(&self, status: Status, staff: bool) -> &'static str {
        match status {
            Status::PendingCustomer if staff => self.status_waiting_on_customer,
            _ => self.status(status),
        }
    }
}

pub static EN: Texts = Texts {
    skip_to_content: "Skip to content",
    nav_label: "Main",
    menu: "Menu",
    nav_report: "Report a problem",
    nav_console: "Agent console",
    language_label: "Language",
    theme_label: "Theme",
    theme_system: "System",
    theme_light: "Light",
    theme_dark: "Dark",
    footer_tagline: "Edgedesk · open-source service desk",

    report_title: "Report a problem",
    report_intro: "Tell us what is wrong and how to reach you. You get a ticket number to follow up with.",
    field_name: "Your name",
    field_email: "Email",
    field_phone: "Phone (optional)",
    field_title: "Short summary",
    field_description: "What happened?",
    field_description_hint: "What were you doing, what did you expect, and what happened instead?",
    field_symptoms: "Symptoms or error messages (optional)",
    submit_report: "Send report",
    submitting: "Sending…",
    form_has_errors: "Please correct the marked fields.",

    err_required: "This field is required.",
    err_too_long: |max| format!("Use at most {max} characters."),
    err_invalid_email: "Enter an email address like name@example.com.",
    err_invalid_phone: "Enter a phone number using digits, spaces and + - ( ).",
    err_invalid_characters: "Remove line breaks and control characters.",
    err_network:
        "We could not reach Edgedesk. Check your connection and try again; nothing you typed is lost.",
    err_unavailable: "Edgedesk is temporarily unavailable. Please try again in a moment.",
    err_generic: "Something went wrong. Please try again.",

    received_title: "Thank you, we have your report",
    received_number: "Your ticket number is",
    received_hint: "Quote this number whenever you contact us about the problem.",
    report_another: "Report another problem",
    copy_link: "Copy link",
    link_copied: "Copied",
    ticket_status: "Status",
    ticket_reported: "Reported",
    ticket_reporter: "Reported by",
    ticket_description: "Description",
    ticket_symptoms: "Symptoms",
    ticket_not_found: "We could not find that ticket.",
    status_new: "New",
    status_open: "Open",
    status_in_progress: "In progress",
    status_pending_customer: "Waiting for your reply",
    status_waiting_on_customer: "Waiting for the customer",
    status_pending_third_party: "Waiting for a supplier",
    status_resolved: "Resolved",
    status_closed: "Closed",
    status_cancelled: "Cancelled",
    loading: "Loading…",

    console_title: "Tickets",
    console_loading: "Loading tickets…",
    console_empty: "No tickets yet. New reports appear here.",
    console_error: "The tickets could not be loaded.",
    retry: "Try again",
    load_more: "Load more",
    col_number: "Number",
    col_title: "Title",
    col_reporter: "Reporter",
    age_just_now: "just now",
    age_minutes: |n| format!("{n} min ago"),
    age_hours: |n| format!("{n} h ago"),
    age_days: |n| if n == 1 { "1 day ago".to_string() } else { format!("{n} days ago") },

    nav_my_tickets: "My tickets",
    nav_sign_in: "Sign in",
    nav_sign_up: "Create account",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",
    sign_in_title: "Sign in",
    sign_in_intro: "Sign in to follow your tickets, or to work in the console.",
    field_password: "Password",
    field_new_password_hint:
        "At least 10 characters. A few words together are easy to remember and hard to guess.",
    sign_in_button: "Sign in",
    signing_in: "Signing in…",
    no_account: "No account yet?",
    have_account: "Already have an account?",
    sign_up_title: "Create an account",
    sign_up_intro: "With an account you can see all your tickets in one place.",
    sign_up_button: "Create account",
    err_invalid_credentials: "Email or password is wrong.",
    err_email_taken: "An account with this email already exists. Sign in instead.",
    err_weak_password: "Choose a longer or less common password.",
    err_forbidden: "Your account cannot open this page.",
    err_rate_limited: "Too many attempts. Please wait a while and try again.",
    my_tickets_title: "My tickets",
    my_tickets_empty: "You have no tickets yet.",
    my_tickets_none_open: "Nothing open: we are not working on anything for you right now.",
    my_tickets_none_closed: "No closed tickets yet.",
    status_link_label: "Your status link",
    status_link_hint:
        "Bookmark this page: it shows your ticket without signing in. Anyone with the link can see it.",
    status_not_found: "This status link does not work. It may have been replaced.",
    status_link_heading: "Reporter's status link",
    status_link_is_active: "Active: the reporter can follow this ticket without signing in.",
    status_link_is_revoked: "Revoked: the link no longer works.",
    revoke_status_link: "Revoke status link",
    nav_admin: "Admin",
    admin_sections: "Administration sections",
    admin_title: "Accounts and invitations",
    accounts_heading: "Accounts",
    col_name: "Name",
    col_email: "Email",
    col_role: "Role",
    col_tier: "Tier",
    col_active: "Active",
    col_actions: "Actions",
    role_customer: "Customer",
    role_agent: "Agent",
    role_supervisor: "Supervisor",
    role_admin: "Admin",
    tier_none: "None",
    save: "Save",
    saved: "Saved.",
    err_version_conflict:
        "Someone changed this account meanwhile. The current values are shown; check them and save again.",
    err_last_admin: "You cannot remove your own admin rights. Ask another admin.",
    err_invalid_role: "Agents need a tier; other roles have none.",
    err_invitation_expired: "This invitation has expired or was already used. Ask an admin for a new one.",
    invite_heading: "Invite a staff member",
    invite_button: "Create invitation",
    invite_created: "Send this link to the person. It works once, for seven days, and is shown only now:",
    invitation_title: "Accept your invitation",
    invitation_intro: "You are invited to Edgedesk as",
    accept_button: "Create my account",
    tokens_heading: "API tokens",
    tokens_intro: "For monitoring and integrations. A token is shown once, when it is created.",
    token_name: "Token name",
    token_scopes: "Scopes",
    create_token: "Create token",
    token_created: "Copy this token now; it will not be shown again:",
    col_last_used: "Last used",
    col_state: "State",
    never: "Never",
    token_active: "Active",
    token_revoked: "Revoked",
    revoke: "Revoke",
    tokens_empty: "No API tokens yet.",
    sign_out_everywhere: "Sign out everywhere",
    col_organisation: "Organisation",
    no_organisation: "None",
    organisations_heading: "Organisations",
    organisation_name: "Organisation name",
    members_share: "Members see each other's tickets",
    col_members: "Members",
    create_organisation: "Create organisation",
    err_name_taken: "An organisation with this name already exists.",
    not_found_title: "Page not found",
    not_found_body: "There is nothing at this address. Use the navigation above.",
};

pub static DA: Texts = Texts {
    skip_to_content: "Gå til indhold",
    nav_label: "Hovedmenu",
    menu: "Menu",
    nav_report: "Rapportér et problem",
    nav_console: "Agentkonsol",
    language_label: "Sprog",
    theme_label: "Tema",
    theme_system: "System",
    theme_light: "Lyst",
    theme_dark: "Mørkt",
    footer_tagline: "Edgedesk · servicedesk med åben kildekode",

    report_title: "Rapportér et problem",
    report_intro: "Fortæl os, hvad der er galt, og hvordan vi kan kontakte dig. Du får et sagsnummer, du kan følge op med.",
    field_name: "Dit navn",
    field_email: "E-mail",
    field_phone: "Telefon (valgfrit)",
    field_title: "Kort beskrivelse",
    field_description: "Hvad skete der?",
    field_description_hint: "Hvad lavede du, hvad forventede du, og hvad skete der i stedet?",
    field_symptoms: "Symptomer eller fejlmeddelelser (valgfrit)",
    submit_report: "Send rapport",
    submitting: "Sender…",
    form_has_errors: "Ret venligst de markerede felter.",

    err_required: "Feltet skal udfyldes.",
    err_too_long: |max| format!("Brug højst {max} tegn."),
    err_invalid_email: "Skriv en e-mailadresse som navn@eksempel.dk.",
    err_invalid_phone: "Skriv et telefonnummer med cifre, mellemrum og + - ( ).",
    err_invalid_characters: "Fjern linjeskift og kontroltegn.",
    err_network: "Vi kunne ikke få forbindelse til Edgedesk. Tjek din forbindelse, og prøv igen; intet af det, du har skrevet, er gået tabt.",
    err_unavailable: "Edgedesk er midlertidigt utilgængelig. Prøv igen om lidt.",
    err_generic: "Noget gik galt. Prøv igen.",

    received_title: "Tak, vi har modtaget din rapport",
    received_number: "Dit sagsnummer er",
    received_hint: "Oplys nummeret, når du kontakter os om problemet.",
    report_another: "Rapportér et andet problem",
    copy_link: "Kopiér link",
    link_copied: "Kopieret",
    ticket_status: "Status",
    ticket_reported: "Rapporteret",
    ticket_reporter: "Rapporteret af",
    ticket_description: "Beskrivelse",
    ticket_symptoms: "Symptomer",
    ticket_not_found: "Vi kunne ikke finde sagen.",
    status_new: "Ny",
    status_open: "Åben",
    status_in_progress: "Under behandling",
    status_pending_customer: "Afventer dit svar",
    status_waiting_on_customer: "Afventer kunden",
    status_pending_third_party: "Afventer leverandør",
    status_resolved: "Løst",
    status_closed: "Lukket",
    status_cancelled: "Annulleret",
    loading: "Indlæser…",

    console_title: "Sager",
    console_loading: "Indlæser sager…",
    console_empty: "Ingen sager endnu. Nye rapporter vises her.",
    console_error: "Sagerne kunne ikke indlæses.",
    retry: "Prøv igen",
    load_more: "Indlæs flere",
    col_number: "Nummer",
    col_title: "Titel",
    col_reporter: "Anmelder",
    age_just_now: "lige nu",
    age_minutes: |n| format!("for {n} min. siden"),
    age_hours: |n| format!("for {n} t. siden"),
    age_days: |n| if n == 1 { "for 1 dag siden".to_string() } else { format!("for {n} dage siden") },

    nav_my_tickets: "Mine sager",
    nav_sign_in: "Log ind",
    nav_sign_up: "Opret konto",
    sign_out: "Log ud",
    signed_in_as: "Logget ind som",
    sign_in_title: "Log ind",
    sign_in_intro: "Log ind for at følge dine sager eller arbejde i konsollen.",
    field_password: "Adgangskode",
    field_new_password_hint: "Mindst 10 tegn. Nogle få ord i træk er lette at huske og svære at gætte.",
    sign_in_button: "Log ind",
    signing_in: "Logger ind…",
    no_account: "Ingen konto endnu?",
    have_account: "Har du allerede en konto?",
    sign_up_title: "Opret en konto",
    sign_up_intro: "Med en konto kan du se alle dine sager samlet ét sted.",
    sign_up_button: "Opret konto",
    err_invalid_credentials: "E-mail eller adgangskode er forkert.",
    err_email_taken: "Der findes allerede en konto med denne e-mail. Log ind i stedet.",
    err_weak_password: "Vælg en længere eller mindre almindelig adgangskode.",
    err_forbidden: "Din konto kan ikke åbne denne side.",
    err_rate_limited: "For mange forsøg. Vent lidt, og prøv igen.",
    my_tickets_title: "Mine sager",
    my_tickets_empty: "Du har ingen sager endnu.",
    my_tickets_none_open: "Intet åbent: vi arbejder ikke på noget for dig lige nu.",
    my_tickets_none_closed: "Ingen lukkede sager endnu.",
    status_link_label: "Dit statuslink",
    status_link_hint: "Gem et bogmærke til denne side: den viser din sag uden login. Alle med linket kan se den.",
    status_not_found: "Dette statuslink virker ikke. Det kan være blevet erstattet.",
    status_link_heading: "Anmelderens statuslink",
    status_link_is_active: "Aktivt: anmelderen kan følge sagen uden at logge ind.",
    status_link_is_revoked: "Tilbagekaldt: linket virker ikke længere.",
    revoke_status_link: "Tilbagekald statuslink",
    nav_admin: "Administration",
    admin_sections: "Administrationens afsnit",
    admin_title: "Konti og invitationer",
    accounts_heading: "Konti",
    col_name: "Navn",
    col_email: "E-mail",
    col_role: "Rolle",
    col_tier: "Niveau",
    col_active: "Aktiv",
    col_actions: "Handlinger",
    role_customer: "Kunde",
    role_agent: "Agent",
    role_supervisor: "Supervisor",
    role_admin: "Administrator",
    tier_none: "Intet",
    save: "Gem",
    saved: "Gemt.",
    err_version_conflict: "En anden har ændret kontoen imens. De aktuelle værdier vises; tjek dem, og gem igen.",
    err_last_admin: "Du kan ikke fjerne dine egne administratorrettigheder. Spørg en anden administrator.",
    err_invalid_role: "Agenter skal have et niveau; andre roller har intet.",
    err_invitation_expired: "Invitationen er udløbet eller allerede brugt. Bed en administrator om en ny.",
    invite_heading: "Invitér en medarbejder",
    invite_button: "Opret invitation",
    invite_created: "Send dette link til personen. Det virker én gang i syv dage og vises kun nu:",
    invitation_title: "Acceptér din invitation",
    invitation_intro: "Du er inviteret til Edgedesk som",
    accept_button: "Opret min konto",
    tokens_heading: "API-nøgler",
    tokens_intro: "Til overvågning og integrationer. En nøgle vises én gang, når den oprettes.",
    token_name: "Nøglens navn",
    token_scopes: "Rettigheder",
    create_token: "Opret nøgle",
    token_created: "Kopiér nøglen nu; den vises ikke igen:",
    col_last_used: "Sidst brugt",
    col_state: "Tilstand",
    never: "Aldrig",
    token_active: "Aktiv",
    token_revoked: "Tilbagekaldt",
    revoke: "Tilbagekald",
    tokens_empty: "Ingen API-nøgler endnu.",
    sign_out_everywhere: "Log ud overalt",
    col_organisation: "Organisation",
    no_organisation: "Ingen",
    organisations_heading: "Organisationer",
    organisation_name: "Organisationens navn",
    members_share: "Medlemmer ser hinandens sager",
    col_members: "Medlemmer",
    create_organisation: "Opret organisation",
    err_name_taken: "Der findes allerede en organisation med dette navn.",
    not_found_title: "Siden findes ikke",
    not_found_body: "Der er intet på denne adresse. Brug menuen ovenfor.",
};
