//! The words of the agent console (sidebar, filter bar, rows, saved views) and the compose
//! box, in the same two languages as [`crate::i18n`].

use edgedesk_domain::alert::Severity;
use edgedesk_domain::queue::Sort;

use crate::i18n::{I18n, Lang};

pub struct ConsoleTexts {
    pub queues_label: &'static str,
    /// The sidebar's way to the reports and dashboard.
    pub reports_nav: &'static str,
    pub filters_label: &'static str,
    pub filter_remove: &'static str,
    pub filters_clear: &'static str,
    pub search_placeholder: &'static str,
    pub sort_updated: &'static str,
    pub sort_priority: &'static str,
    pub sort_due: &'static str,
    pub col_subject: &'static str,
    pub col_requester: &'static str,
    pub col_updated: &'static str,
    pub unread: &'static str,
    pub customer_replied: &'static str,
    pub views_heading: &'static str,
    pub view_save: &'static str,
    pub view_name: &'static str,
    pub view_delete: &'static str,
    pub note_notice: &'static str,
    pub send_hint: &'static str,
    pub open_actions: &'static str,
    pub close_actions: &'static str,
    pub empty_mine: &'static str,
    pub empty_queue: &'static str,
    pub empty_filtered: &'static str,
    pub live_stale: &'static str,
    pub away_short: &'static str,
    pub steps_label: &'static str,
    pub close: &'static str,
    pub requester_heading: &'static str,
    pub requester_open: &'static str,
    pub requester_none: &'static str,
    pub alert_heading: &'static str,
    pub alert_firing: &'static str,
    pub alert_recovered: &'static str,
    pub alert_severity: &'static str,
    pub alert_source: &'static str,
    pub alert_service: &'static str,
    pub alert_occurrences: &'static str,
    pub alert_first_seen: &'static str,
    pub alert_last_seen: &'static str,
    pub alert_acknowledged: &'static str,
    /// Critical, error, warning, info.
    pub severities: [&'static str; 4],
    pub palette_label: &'static str,
    pub palette_placeholder: &'static str,
    pub palette_empty: &'static str,
    pub palette_go: &'static str,
}

impl ConsoleTexts {
    pub fn severity(&self, severity: Severity) -> &'static str {
        self.severities[match severity {
            Severity::Critical => 0,
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Info => 3,
        }]
    }

    pub fn sort(&self, sort: Sort, newest: &'static str, oldest: &'static str) -> &'static str {
        match sort {
            Sort::Newest => newest,
            Sort::Oldest => oldest,
            Sort::Updated => self.sort_updated,
            Sort::Priority => self.sort_priority,
            Sort::Due => self.sort_due,
        }
    }
}

impl I18n {
    /// The console's texts in the current language (reactive).
    pub fn c(&self) -> &'static ConsoleTexts {
        match self.lang() {
            Lang::En => &EN,
            Lang::Da => &DA,
        }
    }
}

pub static EN: ConsoleTexts = ConsoleTexts {
    queues_label: "Queues",
    reports_nav: "Reports",
    filters_label: "Filters",
    filter_remove: "Remove filter",
    filters_clear: "Clear filters",
    search_placeholder: "Search tickets",
    sort_updated: "Last updated",
    sort_priority: "Priority",
    sort_due: "SLA due",
    col_subject: "Subject",
    col_requester: "Requester",
    col_updated: "Updated",
    unread: "New activity",
    customer_replied: "Customer replied",
    views_heading: "My views",
    view_save: "Save view",
    view_name: "Name of the view",
    view_delete: "Delete view",
    note_notice: "Internal note: only the service desk sees this.",
    send_hint: "Ctrl+Enter sends",
    open_actions: "Ticket actions",
    close_actions: "Back to the conversation",
    empty_mine: "Nothing is assigned to you. Take a ticket from an unassigned queue.",
    empty_queue: "No tickets in this queue.",
    empty_filtered: "No tickets match these filters.",
    away_short: "away",
    steps_label: "More steps",
    close: "Close",
    requester_heading: "Requester",
    requester_open: "Other open tickets",
    requester_none: "No other open tickets.",
    alert_heading: "Monitoring alert",
    alert_firing: "Firing",
    alert_recovered: "Recovered",
    alert_severity: "Severity",
    alert_source: "Source",
    alert_service: "Service",
    alert_occurrences: "Times fired",
    alert_first_seen: "First seen",
    alert_last_seen: "Last seen",
    alert_acknowledged: "Acknowledged",
    severities: ["Critical", "Error", "Warning", "Info"],
    palette_label: "Commands",
    palette_placeholder: "Type an action or a queue",
    palette_empty: "Nothing matches.",
    palette_go: "Go to",
    live_stale: "Live updates are paused, so this page may be behind. It refreshes every 15 seconds until the connection is back.",
};

pub static DA: ConsoleTexts = ConsoleTexts {
    queues_label: "Køer",
    reports_nav: "Rapporter",
    filters_label: "Filtre",
    filter_remove: "Fjern filter",
    filters_clear: "Ryd filtre",
    search_placeholder: "Søg i sager",
    sort_updated: "Senest opdateret",
    sort_priority: "Prioritet",
    sort_due: "SLA-frist",
    col_subject: "Emne",
    col_requester: "Anmelder",
    col_updated: "Opdateret",
    unread: "Ny aktivitet",
    customer_replied: "Kunden har svaret",
    views_heading: "Mine visninger",
    view_save: "Gem visning",
    view_name: "Visningens navn",
    view_delete: "Slet visning",
    note_notice: "Intern note: kun servicedesken ser den.",
    send_hint: "Ctrl+Enter sender",
    open_actions: "Handlinger på sagen",
    close_actions: "Tilbage til samtalen",
    empty_mine: "Du har ingen sager. Tag en sag fra en kø uden ansvarlig.",
    empty_queue: "Der er ingen sager i denne kø.",
    empty_filtered: "Ingen sager passer til filtrene.",
    away_short: "fraværende",
    steps_label: "Flere trin",
    close: "Luk",
    requester_heading: "Anmelder",
    requester_open: "Andre åbne sager",
    requester_none: "Ingen andre åbne sager.",
    alert_heading: "Overvågningsalarm",
    alert_firing: "Aktiv",
    alert_recovered: "Normal igen",
    alert_severity: "Alvor",
    alert_source: "Kilde",
    alert_service: "Tjeneste",
    alert_occurrences: "Antal udløsninger",
    alert_first_seen: "Først set",
    alert_last_seen: "Sidst set",
    alert_acknowledged: "Kvitteret",
    severities: ["Kritisk", "Fejl", "Advarsel", "Information"],
    palette_label: "Kommandoer",
    palette_placeholder: "Skriv en handling eller en kø",
    palette_empty: "Intet passer.",
    palette_go: "Gå til",
    live_stale: "Direkte opdateringer er sat på pause, så siden kan være bagud. Den opdateres hvert 15. sekund, indtil forbindelsen er tilbage.",
};
