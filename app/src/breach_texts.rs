//! The words of data-breach cases, in English and Danish, and the notice for the
//! supervisory authority written from a case's facts in either language.

use edgedesk_domain::breach::{
    AuthorityChoice, BreachCase, Channel, Clock, Phase, Recipient, ReportedVia, Risk, SubjectsChoice,
};
use edgedesk_domain::{ApiError, ErrorCode};

use crate::i18n::{I18n, Lang};

pub struct BreachTexts {
    lang: Lang,
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub empty: &'static str,
    pub open_case: &'static str,
    pub report_breach: &'static str,
    pub field_title: &'static str,
    pub field_aware_at: &'static str,
    pub aware_at_hint: &'static str,
    pub field_reported_by: &'static str,
    pub field_reported_via: &'static str,
    pub col_case: &'static str,
    pub col_title: &'static str,
    pub col_aware: &'static str,
    pub col_clock: &'static str,
    pub col_risk: &'static str,
    pub clock_stopped: &'static str,
    pub closed: &'static str,
    pub restricted_link: &'static str,
    pub register_heading: &'static str,
    pub register_intro: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub deadline: &'static str,
    pub awareness_heading: &'static str,
    pub change_awareness: &'static str,
    pub reason: &'static str,
    pub assessment_heading: &'static str,
    pub nature: &'static str,
    pub data_categories: &'static str,
    pub subject_categories: &'static str,
    pub approx_subjects: &'static str,
    pub approx_records: &'static str,
    pub contact_point: &'static str,
    pub consequences: &'static str,
    pub measures_taken: &'static str,
    pub measures_proposed: &'static str,
    pub risk: &'static str,
    pub risk_unassessed: &'static str,
    pub risk_reasoning: &'static str,
    pub save_assessment: &'static str,
    pub decisions_heading: &'static str,
    pub authority_question: &'static str,
    pub subjects_question: &'static str,
    pub record_decision: &'static str,
    pub decided_by: &'static str,
    pub notifications_heading: &'static str,
    pub none_yet: &'static str,
    pub recipient: &'static str,
    pub at: &'static str,
    pub phase: &'static str,
    pub reference: &'static str,
    pub channel: &'static str,
    pub count: &'static str,
    pub text_sent: &'static str,
    pub delay_reason: &'static str,
    pub record_notification: &'static str,
    pub notice_heading: &'static str,
    pub notice_intro: &'static str,
    pub copy: &'static str,
    pub incidents_heading: &'static str,
    pub members_heading: &'static str,
    pub invite_email: &'static str,
    pub invite: &'static str,
    pub history_heading: &'static str,
    pub close_heading: &'static str,
    pub close_case: &'static str,
    pub still_missing: &'static str,
    pub err_case_closed: &'static str,
    pub not_shared: &'static str,
    pub err_decision_required: &'static str,
    pub hours_left: fn(i64) -> String,
    pub hours_over: fn(i64) -> String,
}

impl BreachTexts {
    pub fn clock(&self, clock: Clock) -> String {
        match clock {
            Clock::Running { hours_left } => (self.hours_left)(hours_left),
            Clock::Overdue { hours_over } => (self.hours_over)(hours_over),
            Clock::Stopped => self.clock_stopped.to_string(),
        }
    }

    pub fn via(&self, via: ReportedVia) -> &'static str {
        let (en, da) = match via {
            ReportedVia::Incident => ("An incident", "En hændelse"),
            ReportedVia::Monitoring => ("Monitoring", "Overvågning"),
            ReportedVia::Staff => ("A colleague", "En kollega"),
            ReportedVia::Customer => ("A customer", "En kunde"),
            ReportedVia::Processor => ("A data processor", "En databehandler"),
            ReportedVia::Other => ("Other", "Andet"),
        };
        self.pick(en, da)
    }

    pub fn risk_word(&self, risk: Option<Risk>) -> &'static str {
        match risk {
            None => self.risk_unassessed,
            Some(Risk::None) => self.pick("No risk to people", "Ingen risiko for de registrerede"),
            Some(Risk::Risk) => self.pick("A risk", "En risiko"),
            Some(Risk::High) => self.pick("A high risk", "En høj risiko"),
        }
    }

    pub fn authority_choice(&self, choice: AuthorityChoice) -> &'static str {
        match choice {
            AuthorityChoice::Notify => self.pick("Notify the authority", "Anmeld til tilsynet"),
            AuthorityChoice::DoNotNotify => self.pick(
                "Do not notify: unlikely to result in a risk (say why)",
                "Anmeld ikke: medfører sandsynligvis ikke en risiko (begrund)",
            ),
        }
    }

    pub fn subjects_choice(&self, choice: SubjectsChoice) -> &'static str {
        match choice {
            SubjectsChoice::Tell => self.pick("Tell the people affected", "Underret de registrerede"),
            SubjectsChoice::NotHighRisk => self.pick(
                "Not a high risk: Article 34 does not apply",
                "Ikke høj risiko: artikel 34 gælder ikke",
            ),
            SubjectsChoice::Protected => self.pick(
                "Exception 34(3)(a): the data was unintelligible (encrypted)",
                "Undtagelse 34(3)(a): oplysningerne var uforståelige (krypteret)",
            ),
            SubjectsChoice::RiskContained => self.pick(
                "Exception 34(3)(b): measures since make the high risk unlikely",
                "Undtagelse 34(3)(b): senere foranstaltninger gør den høje risiko usandsynlig",
            ),
            SubjectsChoice::PublicCommunication => self.pick(
                "Exception 34(3)(c): a public communication instead (disproportionate effort)",
                "Undtagelse 34(3)(c): offentlig meddelelse i stedet (uforholdsmæssig indsats)",
            ),
        }
    }

    pub fn recipient(&self, recipient: Recipient) -> &'static str {
        match recipient {
            Recipient::Authority => self.pick("The supervisory authority", "Tilsynsmyndigheden"),
            Recipient::Subjects => self.pick("The people affected", "De registrerede"),
        }
    }

    pub fn phase_word(&self, phase: Phase) -> &'static str {
        match phase {
            Phase::Initial => self.pick("Initial", "Første anmeldelse"),
            Phase::FollowUp => self.pick("Follow-up", "Opfølgning"),
        }
    }

    pub fn channel_word(&self, channel: Channel) -> &'static str {
        let (en, da) = match channel {
            Channel::Email => ("Email", "E-mail"),
            Channel::Letter => ("Letter", "Brev"),
            Channel::Phone => ("Phone", "Telefon"),
            Channel::Public => ("Public communication", "Offentlig meddelelse"),
            Channel::Other => ("Other", "Andet"),
        };
        self.pick(en, da)
    }

    /// What still keeps a case open, as a to-do.
    pub fn missing(&self, code: &str) -> &'static str {
        match code {
            "risk" => self.pick("assess the risk", "vurdér risikoen"),
            "authority" => {
                self.pick("decide whether to notify the authority", "beslut om bruddet skal anmeldes")
            }
            "authority_notification" => {
                self.pick("record the notification to the authority", "registrér anmeldelsen til tilsynet")
            }
            "subjects" => self.pick(
                "decide whether to tell the people affected",
                "beslut om de registrerede skal underrettes",
            ),
            "subjects_notification" => {
                self.pick("record telling the people affected", "registrér underretningen af de registrerede")
            }
            _ => self.pick("decide", "beslut"),
        }
    }

    /// A history entry's action ("viewed", "clock_48h", "member_invited:Lars" …).
    pub fn action(&self, code: &str) -> String {
        let (code, detail) = code.split_once(':').unwrap_or((code, ""));
        let word = match code {
            "opened" => self.pick("opened the case", "oprettede sagen"),
            "viewed" => self.pick("read the case", "læste sagen"),
            "awareness_changed" => {
                self.pick("changed when the desk became aware", "ændrede tidspunktet for kendskab")
            }
            "assessed" => self.pick("saved the assessment", "gemte vurderingen"),
            "authority_decided" => {
                self.pick("decided on notifying the authority", "besluttede om anmeldelse")
            }
            "subjects_decided" => {
                self.pick("decided on telling the people affected", "besluttede om underretning")
            }
            "notification_recorded" => self.pick("recorded a notification", "registrerede en underretning"),
            "closed" => self.pick("closed the case", "afsluttede sagen"),
            "member_invited" => self.pick("invited", "inviterede"),
            "incident_linked" => self.pick("linked ticket", "tilknyttede sag"),
            "clock_24h" => self.pick("24 hours since awareness: warned", "24 timer siden kendskab: advarede"),
            "clock_48h" => self.pick("48 hours since awareness: warned", "48 timer siden kendskab: advarede"),
            "clock_66h" => self.pick("66 hours since awareness: warned", "66 timer siden kendskab: advarede"),
            "clock_72h" => self.pick(
                "72 hours passed without notification: escalated",
                "72 timer uden anmeldelse: eskalerede",
            ),
            _ => return code.to_string(),
        };
        if detail.is_empty() {
            word.to_string()
        } else {
            format!("{word} {detail}")
        }
    }

    pub fn error(&self, i18n: &I18n, error: &ApiError) -> String {
        match error.code {
            ErrorCode::CaseClosed => self.err_case_closed.to_string(),
            ErrorCode::DecisionRequired => {
                let missing: Vec<&str> = error.errors.iter().map(|e| self.missing(&e.field)).collect();
                format!("{} {}", self.err_decision_required, missing.join(", "))
            }
            _ => i18n.process_error(error),
        }
    }

    fn pick(&self, en: &'static str, da: &'static str) -> &'static str {
        match self.lang {
            Lang::En => en,
            Lang::Da => da,
        }
    }

    /// The notice for the authority's form, from the case's facts (Article 33(3)), with the
    /// reasons for a delay when the 72 hours have passed. `when` words a time.
    pub fn notice(
        &self,
        case: &BreachCase,
        when: impl Fn(chrono::DateTime<chrono::Utc>) -> String,
        late: bool,
    ) -> String {
        let a = &case.state.assessment;
        let n = |value: Option<i64>| value.map_or("–".to_string(), |n| n.to_string());
        let blank = |text: &str| if text.is_empty() { "–".to_string() } else { text.to_string() };
        let phase =
            if case.state.authority_notified_at().is_some() { Phase::FollowUp } else { Phase::Initial };
        let risk = format!("{}. {}", self.risk_word(a.risk), a.risk_reasoning);
        let (head, labels) = if self.lang == Lang::Da {
            (
                "Anmeldelse af brud på persondatasikkerheden (databeskyttelsesforordningens artikel 33)",
                [
                    "Sag",
                    "Fase",
                    "Desken blev bekendt med bruddet",
                    "Bruddets karakter",
                    "Kategorier af oplysninger",
                    "Kategorier af registrerede",
                    "Omtrentligt antal registrerede",
                    "Omtrentligt antal registreringer",
                    "Kontaktpunkt",
                    "Sandsynlige konsekvenser",
                    "Trufne foranstaltninger",
                    "Foreslåede foranstaltninger",
                    "Risikovurdering",
                    "Begrundelse for forsinkelsen",
                ],
            )
        } else {
            (
                "Notification of a personal data breach (GDPR Article 33)",
                [
                    "Case",
                    "Phase",
                    "The desk became aware",
                    "Nature of the breach",
                    "Categories of data",
                    "Categories of people",
                    "Approximate number of people",
                    "Approximate number of records",
                    "Contact point",
                    "Likely consequences",
                    "Measures taken",
                    "Measures proposed",
                    "Risk assessment",
                    "Reasons for the delay",
                ],
            )
        };
        let mut lines = vec![
            head.to_string(),
            String::new(),
            format!("{}: {} – {}", labels[0], case.number, case.state.title),
            format!("{}: {}", labels[1], self.phase_word(phase)),
            format!("{}: {}", labels[2], when(case.state.aware_at)),
            format!("(a) {}: {}", labels[3], blank(&a.nature)),
            format!("    {}: {}", labels[4], blank(&a.data_categories)),
            format!("    {}: {}", labels[5], blank(&a.subject_categories)),
            format!("    {}: {}", labels[6], n(a.approx_subjects)),
            format!("    {}: {}", labels[7], n(a.approx_records)),
            format!("(b) {}: {}", labels[8], blank(&a.contact_point)),
            format!("(c) {}: {}", labels[9], blank(&a.consequences)),
            format!("(d) {}: {}", labels[10], blank(&a.measures_taken)),
            format!("    {}: {}", labels[11], blank(&a.measures_proposed)),
            format!("{}: {}", labels[12], risk.trim()),
        ];
        if late {
            lines.push(format!("{}: …", labels[13]));
        }
        lines.join("\n")
    }
}

impl I18n {
    /// The breach texts of the current language (reactive).
    pub fn b(&self) -> &'static BreachTexts {
        match self.lang() {
            Lang::En => &EN,
            Lang::Da => &DA,
        }
    }
}

pub static EN: BreachTexts = BreachTexts {
    lang: Lang::En,
    nav: "Data breaches",
    title: "Data-breach cases",
    intro: "From the moment the desk becomes aware of a personal data breach, the GDPR gives 72 hours to notify the supervisory authority (Article 33) and asks to tell the people affected when the risk to them is high (Article 34). Cases are need-to-know: the privacy lead sees every case, others only those they are on.",
    empty: "No breach cases you may see.",
    open_case: "Open a breach case",
    report_breach: "Report a data breach",
    field_title: "What happened",
    field_aware_at: "Aware since",
    aware_at_hint: "Your local time. The 72-hour clock starts here.",
    field_reported_by: "Reported by",
    field_reported_via: "How the desk heard",
    col_case: "Case",
    col_title: "What happened",
    col_aware: "Aware since",
    col_clock: "72-hour clock",
    col_risk: "Risk",
    clock_stopped: "Clock stopped",
    closed: "Closed",
    restricted_link: "Linked to a restricted data-breach case:",
    register_heading: "Breach register",
    register_intro: "Every breach, notified or not, with its facts, effects and remedial action (Article 33(5)). Append-only: each change is a new entry.",
    from: "From",
    to: "To",
    download_csv: "Download CSV",
    download_json: "Download JSON",
    deadline: "Notify the authority by",
    awareness_heading: "Awareness",
    change_awareness: "Change when the desk became aware",
    reason: "Reason",
    assessment_heading: "Assessment (Article 33(3))",
    nature: "Nature of the breach",
    data_categories: "Categories of data",
    subject_categories: "Categories of people",
    approx_subjects: "People concerned (approx.)",
    approx_records: "Records concerned (approx.)",
    contact_point: "Contact point",
    consequences: "Likely consequences",
    measures_taken: "Measures taken",
    measures_proposed: "Measures proposed",
    risk: "Risk to the people concerned",
    risk_unassessed: "Not assessed yet",
    risk_reasoning: "Why this risk",
    save_assessment: "Save assessment",
    decisions_heading: "Decisions",
    authority_question: "The supervisory authority (Article 33)",
    subjects_question: "The people affected (Article 34)",
    record_decision: "Record decision",
    decided_by: "Decided by",
    notifications_heading: "Notifications",
    none_yet: "None yet.",
    recipient: "To",
    at: "When (your local time)",
    phase: "Phase",
    reference: "The authority's reference",
    channel: "How",
    count: "How many people",
    text_sent: "The plain-language text sent",
    delay_reason: "Reasons for the delay (after 72 hours)",
    record_notification: "Record notification",
    notice_heading: "Notice for the authority",
    notice_intro: "Written from the assessment, ready to paste into the authority's form.",
    copy: "Copy",
    incidents_heading: "Incidents",
    members_heading: "People on the case",
    invite_email: "Colleague's email",
    invite: "Invite",
    history_heading: "History (every read and change)",
    close_heading: "Close the case",
    close_case: "Close the case",
    still_missing: "Before closing:",
    err_case_closed: "The case is closed; the register keeps it.",
    not_shared: "This case was not found, or it is not shared with you: breach cases are need-to-know. Ask the privacy lead to invite you.",
    err_decision_required: "Decide first:",
    hours_left: |hours| format!("{hours} h left"),
    hours_over: |hours| format!("{hours} h overdue"),
};

pub static DA: BreachTexts = BreachTexts {
    lang: Lang::Da,
    nav: "Brud på datasikkerheden",
    title: "Sager om brud på persondatasikkerheden",
    intro: "Fra desken bliver bekendt med et brud på persondatasikkerheden, giver databeskyttelsesforordningen 72 timer til at anmelde det til tilsynsmyndigheden (artikel 33), og de registrerede skal underrettes, når risikoen for dem er høj (artikel 34). Sagerne er fortrolige: den databeskyttelsesansvarlige ser alle, andre kun dem, de er med på.",
    empty: "Ingen sager, du har adgang til.",
    open_case: "Opret en sag om brud",
    report_breach: "Meld et brud på datasikkerheden",
    field_title: "Hvad skete der",
    field_aware_at: "Bekendt siden",
    aware_at_hint: "Din lokale tid. 72-timersfristen løber herfra.",
    field_reported_by: "Meldt af",
    field_reported_via: "Hvordan desken hørte om det",
    col_case: "Sag",
    col_title: "Hvad skete der",
    col_aware: "Bekendt siden",
    col_clock: "72-timersfrist",
    col_risk: "Risiko",
    clock_stopped: "Fristen stoppet",
    closed: "Afsluttet",
    restricted_link: "Knyttet til en fortrolig sag om brud på datasikkerheden:",
    register_heading: "Fortegnelse over brud",
    register_intro: "Alle brud, anmeldt eller ej, med de faktiske omstændigheder, virkningerne og de trufne afhjælpende foranstaltninger (artikel 33, stk. 5). Der tilføjes kun: hver ændring er en ny post.",
    from: "Fra",
    to: "Til",
    download_csv: "Hent CSV",
    download_json: "Hent JSON",
    deadline: "Anmeld til tilsynet senest",
    awareness_heading: "Kendskab",
    change_awareness: "Ændr tidspunktet for kendskab",
    reason: "Begrundelse",
    assessment_heading: "Vurdering (artikel 33, stk. 3)",
    nature: "Bruddets karakter",
    data_categories: "Kategorier af oplysninger",
    subject_categories: "Kategorier af registrerede",
    approx_subjects: "Berørte registrerede (ca.)",
    approx_records: "Berørte registreringer (ca.)",
    contact_point: "Kontaktpunkt",
    consequences: "Sandsynlige konsekvenser",
    measures_taken: "Trufne foranstaltninger",
    measures_proposed: "Foreslåede foranstaltninger",
    risk: "Risiko for de registrerede",
    risk_unassessed: "Endnu ikke vurderet",
    risk_reasoning: "Begrundelse for risikoen",
    save_assessment: "Gem vurdering",
    decisions_heading: "Beslutninger",
    authority_question: "Tilsynsmyndigheden (artikel 33)",
    subjects_question: "De registrerede (artikel 34)",
    record_decision: "Registrér beslutning",
    decided_by: "Besluttet af",
    notifications_heading: "Underretninger",
    none_yet: "Ingen endnu.",
    recipient: "Til",
    at: "Hvornår (din lokale tid)",
    phase: "Fase",
    reference: "Tilsynets journalnummer",
    channel: "Hvordan",
    count: "Hvor mange personer",
    text_sent: "Den letforståelige tekst, der blev sendt",
    delay_reason: "Begrundelse for forsinkelsen (efter 72 timer)",
    record_notification: "Registrér underretning",
    notice_heading: "Anmeldelse til tilsynet",
    notice_intro: "Skrevet ud fra vurderingen, klar til at sætte ind i tilsynets formular.",
    copy: "Kopiér",
    incidents_heading: "Hændelser",
    members_heading: "Personer på sagen",
    invite_email: "Kollegaens e-mail",
    invite: "Invitér",
    history_heading: "Historik (al læsning og alle ændringer)",
    close_heading: "Afslut sagen",
    close_case: "Afslut sagen",
    still_missing: "Før sagen kan afsluttes:",
    err_case_closed: "Sagen er afsluttet; fortegnelsen gemmer den.",
    not_shared: "Sagen blev ikke fundet, eller den er ikke delt med dig: sager om brud er fortrolige. Bed den databeskyttelsesansvarlige om at invitere dig.",
    err_decision_required: "Beslut først:",
    hours_left: |hours| format!("{hours} t tilbage"),
    hours_over: |hours| format!("{hours} t over fristen"),
};
