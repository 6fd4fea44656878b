//! Counts the D1 round trips a request makes, for its `Server-Timing` header, without
//! passing a counter through every store function. Requests interleave on one isolate, so
//! the count cannot be a plain global: the request's future installs its own counter for
//! the length of each poll, and every D1 call starts inside some poll of the request that
//! made it (the same trick as a task-local).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

thread_local! {
    static CURRENT: RefCell<Option<Rc<Cell<u32>>>> = const { RefCell::new(None) };
}

/// Called by the store before each call to D1 (a statement or a batch).
pub fn count() {
    CURRENT.with(|current| {
        if let Some(trips) = current.borrow().as_ref() {
            trips.set(trips.get() + 1);
        }
    });
}

/// `future`, and how many D1 round trips it made once it is done.
pub async fn counted<T>(future: impl Future<Output = T>) -> (T, u32) {
    let trips = Rc::new(Cell::new(0));
    let output = Counted { future: Box::pin(future), trips: trips.clone() }.await;
    (output, trips.get())
}

struct Counted<F> {
    future: Pin<Box<F>>,
    trips: Rc<Cell<u32>>,
}

impl<F: Future> Future for Counted<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let outer = CURRENT.with(|current| current.replace(Some(self.trips.clone())));
        let poll = self.future.as_mut().poll(cx);
        CURRENT.with(|current| *current.borrow_mut() = outer);
        poll
    }
}
