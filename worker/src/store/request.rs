//! The D1 side of the request being served: its session (read replication) and how many
//! round trips it made. Neither is passed through the store's functions: requests
//! interleave on one isolate, so the request's future installs its own scope for the
//! length of each poll, and every D1 call starts inside some poll of the request that made
//! it (the same trick as a task-local). Outside a request (the cron sweep, the Durable
//! Object) there is no scope: the plain binding, nothing counted.
//!
//! A read may also carry a *proof*: a statement that confirms what the request assumed
//! about its caller (an identity this isolate remembered). The proof rides in the
//! request's first batch, so who is calling costs no round trip of its own; if the request
//! never sends a batch, [`settle`] sends it alone before the answer leaves.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use wasm_bindgen::{JsCast, JsValue};
use worker::{D1Database, D1DatabaseSession, D1PreparedStatement, D1Result, Env};

thread_local! {
    static CURRENT: RefCell<Option<Rc<Scope>>> = const { RefCell::new(None) };
}

struct Scope {
    /// Where the session starts: a bookmark the client last saw, or a constraint.
    start: String,
    session: RefCell<Option<D1DatabaseSession>>,
    round_trips: Cell<u32>,
    proof: RefCell<Option<Proof>>,
    refuted: Cell<bool>,
}

/// A statement whose answer must satisfy `holds`, or nothing read in this request counts.
pub struct Proof {
    pub statement: D1PreparedStatement,
    pub holds: Box<dyn FnOnce(&D1Result) -> bool>,
}

/// What a request did with D1, for its response headers.
pub struct Served {
    pub round_trips: u32,
    /// The latest point of the database this request saw; the client sends it back so its
    /// next request reads from a replica at least as fresh (read-your-writes).
    pub bookmark: Option<String>,
}

/// Runs `future` in a D1 session that starts at `start` (a bookmark, `first-primary` or
/// `first-unconstrained`).
pub async fn serve<T>(start: String, future: impl Future<Output = T>) -> (T, Served) {
    let scope = Rc::new(Scope {
        start,
        session: RefCell::new(None),
        round_trips: Cell::new(0),
        proof: RefCell::new(None),
        refuted: Cell::new(false),
    });
    let output = Scoped { future: Box::pin(future), scope: scope.clone() }.await;
    let bookmark = scope.session.borrow().as_ref().and_then(|session| session.get_bookmark().ok().flatten());
    (output, Served { round_trips: scope.round_trips.get(), bookmark })
}

/// Called by the store before each call to D1 (a statement or a batch).
pub fn count() {
    with_scope(|scope| scope.round_trips.set(scope.round_trips.get() + 1));
}

/// Makes the request's next batch carry `proof`. False outside a request (the sweep, the
/// Durable Object): nothing would carry the proof there, so nothing may be assumed.
pub fn require(proof: Proof) -> bool {
    with_scope(|scope| *scope.proof.borrow_mut() = Some(proof)).is_some()
}

/// The proof waiting for a batch to ride in, if any.
pub fn take_proof() -> Option<Proof> {
    with_scope(|scope| scope.proof.borrow_mut().take()).flatten()
}

/// Records that a proof failed: what the request read was read for someone it may not be.
pub fn refute() {
    with_scope(|scope| scope.refuted.set(true));
}

/// Whether the request being served has been refuted.
pub fn refuted() -> bool {
    with_scope(|scope| scope.refuted.get()).unwrap_or(false)
}

/// Sends a proof that no batch carried, and says whether the request's assumption was
/// refuted (then its answer must be thrown away).
pub async fn settle() -> worker::Result<bool> {
    if let Some(proof) = take_proof() {
        check(proof).await?;
    }
    Ok(with_scope(|scope| scope.refuted.replace(false)).unwrap_or(false))
}

async fn check(proof: Proof) -> worker::Result<()> {
    count();
    let results = opened()?.batch(vec![proof.statement]).await?;
    if !results.first().is_some_and(|result| (proof.holds)(result)) {
        refute();
    }
    Ok(())
}

/// The `DB` binding as the current request must use it: through its session, opened on
/// first use. A session has the binding's `prepare` and `batch`, which is all the store
/// calls, so it stands in for the binding.
pub fn database(env: &Env) -> worker::Result<D1Database> {
    let binding = env.d1("DB")?;
    let session = with_scope(|scope| {
        let mut slot = scope.session.borrow_mut();
        let session = match slot.take() {
            Some(session) => session,
            None => binding.with_session(Some(&scope.start))?,
        };
        let database = D1Database::unchecked_from_js(AsRef::<JsValue>::as_ref(&session).clone());
        *slot = Some(session);
        Ok(database)
    });
    session.unwrap_or(Ok(binding))
}

/// The session of the request being served, which a proof's statement was prepared on.
pub fn opened() -> worker::Result<D1Database> {
    let session = with_scope(|scope| {
        scope.session.borrow().as_ref().map(|session| AsRef::<JsValue>::as_ref(session).clone())
    });
    let session =
        session.flatten().ok_or_else(|| worker::Error::RustError("no D1 session is open".into()))?;
    Ok(D1Database::unchecked_from_js(session))
}

fn with_scope<T>(work: impl FnOnce(&Scope) -> T) -> Option<T> {
    let scope = CURRENT.with(|current| current.borrow().clone());
    scope.map(|scope| work(&scope))
}

struct Scoped<F> {
    future: Pin<Box<F>>,
    scope: Rc<Scope>,
}

impl<F: Future> Future for Scoped<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let outer = CURRENT.with(|current| current.replace(Some(self.scope.clone())));
        let poll = self.future.as_mut().poll(cx);
        CURRENT.with(|current| *current.borrow_mut() = outer);
        poll
    }
}
