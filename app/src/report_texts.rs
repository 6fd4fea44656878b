//! The words of the reports, in English and Danish, and how their numbers are written.

use edgedesk_domain::auth::Tier;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::report::Dimension;

use crate::i18n::{I18n, Lang};

pub struct ReportTexts {
    lang: Lang,
    pub title: &'static str,
    pub intro_desk: &'static str,
    pub intro_agent: &'static str,
    pub filters: &'static str,
    pub reset: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub any: &'static str,
    pub priority: &'static str,
    pub tier: &'static str,
    pub category: &'static str,
    pub organisation: &'static str,
    pub channel: &'static str,
    pub agent: &'static str,
    pub group_by: &'static str,
    pub last_7: &'static str,
    pub last_30: &'static str,
    pub last_90: &'static str,
    pub today: &'static str,
    pub period: &'static str,
    pub first_response: &'static str,
    pub resolution: &'static str,
    pub median: &'static str,
    pub average: &'static str,
    pub p90: &'static str,
    pub promise: &'static str,
    pub promise_response: &'static str,
    pub promise_resolution: &'static str,
    pub within_target: &'static str,
    pub within_target_short: &'static str,
    pub compliance: &'static str,
    pub sla_breaches: &'static str,
    pub backlog: &'static str,
    pub breached_now: &'static str,
    pub reopen_rate: &'static str,
    pub csat: &'static str,
    pub satisfied: &'static str,
    pub no_ratings: &'static str,
    pub majors: &'static str,
    pub majors_detail: &'static str,
    pub opened: &'static str,
    pub resolved: &'static str,
    pub count: &'static str,
    pub none: &'static str,
    pub no_data: &'static str,
    pub in_out_title: &'static str,
    pub medians_title: &'static str,
    pub distribution_title: &'static str,
    pub compliance_title: &'static str,
    pub backlog_title: &'static str,
    pub by_status: &'static str,
    pub by_tier: &'static str,
    pub by_age: &'static str,
    pub breakdown_title: &'static str,
    pub day: &'static str,
    pub took: &'static str,
    pub age: &'static str,
    pub status: &'static str,
    pub under: &'static str,
    pub or_more: &'static str,
    pub download_csv: &'static str,
    pub raw_title: &'static str,
    pub raw_intro: &'static str,
    pub raw_csv: &'static str,
    pub raw_json: &'static str,
    pub breach_cases: &'static str,
    pub no_open_cases: &'static str,
    pub of_target: &'static str,
    pub hour_unit: &'static str,
    pub minute_unit: &'static str,
    pub day_unit: &'static str,
    pub definitions: &'static str,
    pub definitions_text: &'static str,
    pub months: [&'static str; 12],
    pub minutes_header: &'static str,
}

impl ReportTexts {
    /// A number as the reader writes it: one decimal at most, a decimal comma in Danish.
    pub fn number(&self, value: f64) -> String {
        let text = if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") };
        match self.lang {
            Lang::Da => text.replace('.', ","),
            Lang::En => text,
        }
    }

    pub fn percent(&self, value: Option<f64>) -> String {
        value.map_or_else(|| "–".to_string(), |value| format!("{} %", self.number(value)))
    }

    /// Minutes as a person reads them: "45 min", "4 h 10 min", "2 d 3 h".
    pub fn minutes(&self, minutes: Option<f64>) -> String {
        let Some(minutes) = minutes else { return "–".to_string() };
        let whole = minutes.round() as i64;
        let (day, hour, minute) = (self.day_unit, self.hour_unit, self.minute_unit);
        match (whole / 1440, (whole % 1440) / 60, whole % 60) {
            (0, 0, _) if minutes < 10.0 => format!("{} {minute}", self.number(minutes)),
            (0, 0, m) => format!("{m} {minute}"),
            (0, h, 0) => format!("{h} {hour}"),
            (0, h, m) => format!("{h} {hour} {m} {minute}"),
            (d, 0, _) => format!("{d} {day}"),
            (d, h, _) => format!("{d} {day} {h} {hour}"),
        }
    }

    /// An axis label: "45 min", "8.3 h", "1.4 d" (one unit, so it fits beside the axis).
    pub fn minutes_short(&self, minutes: f64) -> String {
        if minutes < 60.0 {
            format!("{} {}", self.number(minutes.round()), self.minute_unit)
        } else if minutes < 1440.0 {
            format!("{} {}", self.number((minutes / 6.0).round() / 10.0), self.hour_unit)
        } else {
            format!("{} {}", self.number((minutes / 144.0).round() / 10.0), self.day_unit)
        }
    }

    /// A bucket's label: "under 1 h", or "3 d or more" for the open last one.
    pub fn bucket(&self, under: Option<i64>, previous: Option<i64>) -> String {
        match (under, previous) {
            (Some(under), _) => format!("{} {}", self.under, self.minutes(Some(under as f64))),
            (None, Some(last)) => format!("{} {}", self.minutes(Some(last as f64)), self.or_more),
            (None, None) => self.any.to_string(),
        }
    }

    /// "2 Nov" / "2. nov.".
    pub fn day(&self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.months[day.month0() as usize];
        match self.lang {
            Lang::Da => format!("{}. {month}", day.day()),
            Lang::En => format!("{} {month}", day.day()),
        }
    }

    pub fn dimension(&self, dimension: Dimension) -> &'static str {
        match dimension {
            Dimension::Priority => self.priority,
            Dimension::Tier => self.tier,
            Dimension::Category => self.category,
            Dimension::Organisation => self.organisation,
            Dimension::Channel => self.channel,
            Dimension::Agent => self.agent,
        }
    }

    pub fn tier_name(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::L1 => "L1",
            Tier::L2 => "L2",
            Tier::L3 => "L3",
        }
    }

    pub fn status_name(&self, status: Status) -> &'static str {
        let (en, da) = match status {
            Status::New => ("New", "Ny"),
            Status::Open => ("Open", "Åben"),
            Status::InProgress => ("In progress", "I gang"),
            Status::PendingCustomer => ("Waiting on customer", "Venter på kunden"),
            Status::PendingThirdParty => ("Waiting on third party", "Venter på tredjepart"),
            Status::Resolved => ("Resolved", "Løst"),
            Status::Closed => ("Closed", "Lukket"),
            Status::Cancelled => ("Cancelled", "Annulleret"),
        };
        if self.lang == Lang::Da {
            da
        } else {
            en
        }
    }

    pub fn channel_name(&self, code: &str) -> String {
        let (en, da) = match code {
            "portal" => ("Portal", "Portal"),
            "phone" => ("Phone", "Telefon"),
            "email" => ("Email", "E-mail"),
            "alert" => ("Monitoring alert", "Overvågningsalarm"),
            other => return other.to_string(),
        };
        (if self.lang == Lang::Da { da } else { en }).to_string()
    }
}

impl I18n {
    /// The reports' texts in the current language (reactive).
    pub fn r(&self) -> &'static ReportTexts {
        match self.lang() {
            Lang::En => &EN,
            Lang::Da => &DA,
        }
    }
}

pub static EN: ReportTexts = ReportTexts {
    lang: Lang::En,
    title: "Reports",
    intro_desk: "How the desk kept its promise: first response within 1–3 hours by priority, resolution within 24 hours on average. Times are the SLA clocks' own: business minutes where a calendar has opening hours, waiting excluded.",
    intro_agent: "Your own work: the tickets you answered and resolved, measured by the same SLA clocks the desk uses.",
    filters: "Filters",
    reset: "Show the last 30 days",
    from: "From",
    to: "To",
    any: "Any",
    priority: "Priority",
    tier: "Tier",
    category: "Category",
    organisation: "Organisation",
    channel: "Channel",
    agent: "Agent",
    group_by: "Break down by",
    last_7: "7 days",
    last_30: "30 days",
    last_90: "90 days",
    today: "Today",
    period: "Period",
    first_response: "First response",
    resolution: "Resolution",
    median: "Median",
    average: "Average",
    p90: "90th pct.",
    promise: "Promise",
    promise_response: "1–3 h by priority",
    promise_resolution: "24 h on average",
    within_target: "within target",
    within_target_short: "Within target",
    compliance: "SLA compliance",
    sla_breaches: "SLA breaches",
    backlog: "Open now",
    breached_now: "past their target",
    reopen_rate: "Reopened",
    csat: "Satisfaction",
    satisfied: "rated 4 or 5",
    no_ratings: "No ratings",
    majors: "Major incidents",
    majors_detail: "reported in the period",
    opened: "Opened",
    resolved: "Resolved",
    count: "Count",
    none: "(none)",
    no_data: "Nothing in this period.",
    in_out_title: "Tickets in and out per day",
    medians_title: "Median times per day",
    distribution_title: "How long it took",
    compliance_title: "Compliance per priority",
    backlog_title: "Open work now",
    by_status: "By status",
    by_tier: "By tier",
    by_age: "By age",
    breakdown_title: "Breakdown",
    day: "Day",
    took: "Took",
    age: "Age",
    status: "Status",
    under: "under",
    or_more: "or more",
    download_csv: "Download CSV",
    raw_title: "Raw results",
    raw_intro: "Every stopped response and resolution clock of the period, one row per ticket, target and cycle: the numbers above are made from these.",
    raw_csv: "Download CSV",
    raw_json: "Download JSON",
    breach_cases: "Open data-breach cases",
    no_open_cases: "No open cases you may see.",
    of_target: "of target",
    hour_unit: "h",
    minute_unit: "min",
    day_unit: "d",
    definitions: "How these figures are computed",
    definitions_text: "Median: the middle value (the mean of the two middle values for an even count). Average: the mean. 90th percentile: the value at rank ⌈0.9 n⌉. Both are read to the minute under two hours, to five minutes under a day, to the hour beyond. Compliance: stops within target as a share of all stops. A reopened ticket counts once per resolution; the time it stayed resolved does not count. Reopened: resolutions later reopened, as a share of resolutions. Satisfaction: ratings of 4 or 5 among the tickets whose last resolution is in the period. Past days are as of the last sweep (a minute); today is live. Days are the desk's days in its time zone.",
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    minutes_header: "min",
};

pub static DA: ReportTexts = ReportTexts {
    lang: Lang::Da,
    title: "Rapporter",
    intro_desk: "Hvordan desken holdt sit løfte: første svar inden for 1–3 timer efter prioritet, løsning inden for 24 timer i gennemsnit. Tiderne er SLA-urenes egne: arbejdsminutter, hvor en kalender har åbningstider, ventetid fraregnet.",
    intro_agent: "Dit eget arbejde: de sager, du har svaret på og løst, målt med de samme SLA-ure, som desken bruger.",
    filters: "Filtre",
    reset: "Vis de seneste 30 dage",
    from: "Fra",
    to: "Til",
    any: "Alle",
    priority: "Prioritet",
    tier: "Niveau",
    category: "Kategori",
    organisation: "Organisation",
    channel: "Kanal",
    agent: "Medarbejder",
    group_by: "Fordel efter",
    last_7: "7 dage",
    last_30: "30 dage",
    last_90: "90 dage",
    today: "I dag",
    period: "Perioden",
    first_response: "Første svar",
    resolution: "Løsning",
    median: "Median",
    average: "Gennemsnit",
    p90: "90-percentil",
    promise: "Løfte",
    promise_response: "1–3 t efter prioritet",
    promise_resolution: "24 t i gennemsnit",
    within_target: "inden for målet",
    within_target_short: "Inden for målet",
    compliance: "SLA-overholdelse",
    sla_breaches: "SLA-brud",
    backlog: "Åbne nu",
    breached_now: "over deres mål",
    reopen_rate: "Genåbnet",
    csat: "Tilfredshed",
    satisfied: "gav 4 eller 5",
    no_ratings: "Ingen vurderinger",
    majors: "Større hændelser",
    majors_detail: "meldt i perioden",
    opened: "Oprettet",
    resolved: "Løst",
    count: "Antal",
    none: "(ingen)",
    no_data: "Intet i denne periode.",
    in_out_title: "Sager ind og ud pr. dag",
    medians_title: "Mediantider pr. dag",
    distribution_title: "Hvor lang tid det tog",
    compliance_title: "Overholdelse pr. prioritet",
    backlog_title: "Åbent arbejde nu",
    by_status: "Efter status",
    by_tier: "Efter niveau",
    by_age: "Efter alder",
    breakdown_title: "Fordeling",
    day: "Dag",
    took: "Tog",
    age: "Alder",
    status: "Status",
    under: "under",
    or_more: "eller mere",
    download_csv: "Hent CSV",
    raw_title: "Rådata",
    raw_intro: "Hvert stoppet svar- og løsningsur i perioden, én række pr. sag, mål og cyklus: tallene ovenfor er lavet af dem.",
    raw_csv: "Hent CSV",
    raw_json: "Hent JSON",
    breach_cases: "Åbne sager om brud på persondatasikkerheden",
    no_open_cases: "Ingen åbne sager, du må se.",
    of_target: "af målet",
    hour_unit: "t",
    minute_unit: "min",
    day_unit: "d",
    definitions: "Sådan beregnes tallene",
    definitions_text: "Median: den midterste værdi (gennemsnittet af de to midterste ved et lige antal). Gennemsnit: middelværdien. 90-percentil: værdien på plads ⌈0,9 n⌉. Begge aflæses til minuttet under to timer, til fem minutter under et døgn og til timen derover. Overholdelse: stop inden for målet som andel af alle stop. En genåbnet sag tæller én gang pr. løsning; tiden, den stod som løst, tæller ikke. Genåbnet: løsninger, der senere blev genåbnet, som andel af løsningerne. Tilfredshed: vurderinger på 4 eller 5 blandt sagerne, hvis sidste løsning ligger i perioden. Tidligere dage er som ved seneste gennemløb (et minut); i dag er altid aktuel. Dage er deskens dage i dens tidszone.",
    months: ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
    minutes_header: "min",
};
