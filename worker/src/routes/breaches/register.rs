//! The breach register (Article 33(5)) as the privacy lead exports it: JSON, or CSV for
//! spreadsheets (`domain::csv`), headed and worded in the chosen language.

use chrono::{DateTime, Utc};
use edgedesk_domain::breach::{AuthorityChoice, RegisterEntry, RegisterQuery, Risk, SubjectsChoice};
use edgedesk_domain::csv::Csv;
use edgedesk_domain::message::Language;
use edgedesk_domain::policy;
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/breaches/register?from=&to=&format=csv|json&lang=`: every entry recorded in
/// the period, oldest first (the privacy lead).
pub async fn export_register(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let staff = policy::staff(ctx.principal())?;
    let lead = store::breaches::is_lead(ctx.env, staff.user_id).await?;
    policy::lead_breaches(ctx.principal(), lead)?;
    let query = RegisterQuery::from_query(&http::query_string(req), ctx.now.date_naive())?;
    let (from, to) = query.period();
    let entries = store::breaches::register_between(ctx.env, from, to).await?;
    if !query.csv {
        return http::json(200, &entries);
    }
    let name = format!("breach-register-{}-{}.csv", query.from, query.to);
    http::csv_download(csv(&entries, query.lang), &name)
}

fn csv(entries: &[RegisterEntry], lang: Language) -> String {
    let da = lang == Language::Da;
    let header: [&str; 21] = if da {
        [
            "Post",
            "Sag",
            "Registreret",
            "Registreret af",
            "Ændring",
            "Titel",
            "Bekendt med bruddet",
            "Bruddets karakter",
            "Kategorier af oplysninger",
            "Kategorier af registrerede",
            "Antal registrerede (ca.)",
            "Antal registreringer (ca.)",
            "Sandsynlige konsekvenser",
            "Trufne foranstaltninger",
            "Foreslåede foranstaltninger",
            "Risiko",
            "Anmeldelse til tilsynet",
            "Begrundelse",
            "Tilsynet underrettet",
            "De registrerede",
            "Afsluttet",
        ]
    } else {
        [
            "Entry",
            "Case",
            "Recorded",
            "Recorded by",
            "Change",
            "Title",
            "Aware at",
            "Nature of the breach",
            "Categories of data",
            "Categories of people",
            "People (approx.)",
            "Records (approx.)",
            "Likely consequences",
            "Measures taken",
            "Measures proposed",
            "Risk",
            "Authority",
            "Reason",
            "Authority notified",
            "People affected",
            "Closed",
        ]
    };
    let when = |at: Option<DateTime<Utc>>| {
        at.map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default()
    };
    let count = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut out = Csv::new(lang);
    let mut line = |cells: Vec<String>| out.line(cells);
    line(header.iter().map(|h| h.to_string()).collect());
    for entry in entries {
        let f = &entry.facts;
        line(vec![
            entry.id.to_string(),
            entry.case_number.clone(),
            when(Some(entry.recorded_at)),
            entry.recorded_by.clone(),
            change_word(&entry.change, da).to_string(),
            f.title.clone(),
            when(Some(f.aware_at)),
            f.nature.clone(),
            f.data_categories.clone(),
            f.subject_categories.clone(),
            count(f.approx_subjects),
            count(f.approx_records),
            f.consequences.clone(),
            f.measures_taken.clone(),
            f.measures_proposed.clone(),
            f.risk.map(|risk| risk_word(risk, da)).unwrap_or_default().to_string(),
            f.authority.map(|choice| authority_word(choice, da)).unwrap_or_default().to_string(),
            f.authority_reason.clone(),
            when(f.authority_notified_at),
            f.subjects.map(|choice| subjects_word(choice, da)).unwrap_or_default().to_string(),
            when(f.closed_at),
        ]);
    }
    out.finish()
}

fn change_word(code: &str, da: bool) -> &str {
    let words = [
        ("opened", "Opened", "Oprettet"),
        ("awareness_changed", "Awareness changed", "Tidspunkt for kendskab ændret"),
        ("assessed", "Assessed", "Vurderet"),
        ("authority_decided", "Authority decision", "Beslutning om anmeldelse"),
        ("subjects_decided", "Decision on telling people", "Beslutning om underretning af de registrerede"),
        ("notification_recorded", "Notification recorded", "Underretning registreret"),
        ("closed", "Closed", "Afsluttet"),
    ];
    words.iter().find(|(known, ..)| *known == code).map_or(code, |(_, en, dk)| if da { dk } else { en })
}

fn risk_word(risk: Risk, da: bool) -> &'static str {
    match (risk, da) {
        (Risk::None, false) => "No risk",
        (Risk::None, true) => "Ingen risiko",
        (Risk::Risk, false) => "Risk",
        (Risk::Risk, true) => "Risiko",
        (Risk::High, false) => "High risk",
        (Risk::High, true) => "Høj risiko",
    }
}

fn authority_word(choice: AuthorityChoice, da: bool) -> &'static str {
    match (choice, da) {
        (AuthorityChoice::Notify, false) => "Notify",
        (AuthorityChoice::Notify, true) => "Anmeldes",
        (AuthorityChoice::DoNotNotify, false) => "Not notified",
        (AuthorityChoice::DoNotNotify, true) => "Anmeldes ikke",
    }
}

fn subjects_word(choice: SubjectsChoice, da: bool) -> &'static str {
    match (choice, da) {
        (SubjectsChoice::Tell, false) => "Told",
        (SubjectsChoice::Tell, true) => "Underrettes",
        (SubjectsChoice::NotHighRisk, false) => "Not high risk",
        (SubjectsChoice::NotHighRisk, true) => "Ikke høj risiko",
        (SubjectsChoice::Protected, false) => "Data protected (34(3)(a))",
        (SubjectsChoice::Protected, true) => "Oplysningerne beskyttet (34(3)(a))",
        (SubjectsChoice::RiskContained, false) => "Risk contained (34(3)(b))",
        (SubjectsChoice::RiskContained, true) => "Risikoen afværget (34(3)(b))",
        (SubjectsChoice::PublicCommunication, false) => "Public communication (34(3)(c))",
        (SubjectsChoice::PublicCommunication, true) => "Offentlig meddelelse (34(3)(c))",
    }
}
