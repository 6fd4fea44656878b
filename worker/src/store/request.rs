//! The D1 side of the request being served: its session (read replication) and how many
//! round trips it made. Neither is passed through the store's functions: requests
//! interleave on one isolate, so the request's future installs its own scope for the
//! length of each poll, and every D1 call starts inside some poll of the request that made
//! it (the same trick as a task-local). Outside a request (the cron sweep, the Durable
//! Object) there is no scope: the plain binding, nothing counted.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use wasm_bindgen::{JsCast, JsValue};
use worker::{D1Database, D1DatabaseSession, Env};

thread_local! {
    static CURRENT: RefCell<Option<Rc<Scope>>> = const { RefCell::new(None) };
}

struct Scope {
    /// Where the session starts: a bookmark the client last saw, or a constraint.
    start: String,
    session: RefCell<Option<D1DatabaseSession>>,
    round_trips: Cell<u32>,
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
    let scope = Rc::new(Scope { start, session: RefCell::new(None), round_trips: Cell::new(0) });
    let output = Scoped { future: Box::pin(future), scope: scope.clone() }.await;
    let bookmark = scope.session.borrow().as_ref().and_then(|session| session.get_bookmark().ok().flatten());
    (output, Served { round_trips: scope.round_trips.get(), bookmark })
}

/// Called by the store before each call to D1 (a statement or a batch).
pub fn count() {
    with_scope(|scope| scope.round_trips.set(scope.round_trips.get() + 1));
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
