//! Several statements in one D1 round trip. Deployed, every round trip goes to the region
//! of the D1 primary, so a page is read with one batch, and a step writes and reads back
//! the page in another: each store module adds its statements and gets back a `Pending`
//! value, made from that statement's rows once the batch has been answered.

use std::marker::PhantomData;

use edgedesk_domain::ApiError;
use serde::de::DeserializeOwned;
use worker::{D1Database, D1PreparedStatement, D1Result, Env};

use super::{db, send_batch};
use crate::http;

pub struct Batch {
    db: D1Database,
    statements: Vec<D1PreparedStatement>,
}

/// Where the rows of type `T` of one statement will be in the answers.
struct Slot<T> {
    index: usize,
    rows: PhantomData<fn() -> T>,
}

impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Slot<T> {}

pub struct Answers(Vec<D1Result>);

/// A value that will be made from the answers of a batch.
pub struct Pending<T>(Box<Finish<T>>);

type Finish<T> = dyn FnOnce(&Answers) -> Result<T, ApiError>;

impl<T: 'static> Pending<T> {
    /// A value known already, to stand where a read could.
    pub fn ready(value: T) -> Pending<T> {
        Pending(Box::new(move |_| Ok(value)))
    }

    pub fn take(self, answers: &Answers) -> Result<T, ApiError> {
        (self.0)(answers)
    }

    /// Both values, from the same answers.
    pub fn and<U: 'static>(self, other: Pending<U>) -> Pending<(T, U)> {
        Pending(Box::new(move |answers| Ok((self.take(answers)?, other.take(answers)?))))
    }

    pub fn map<U>(self, finish: impl FnOnce(T) -> Result<U, ApiError> + 'static) -> Pending<U> {
        Pending(Box::new(move |answers| finish(self.take(answers)?)))
    }
}

impl Batch {
    pub fn new(env: &Env) -> Result<Self, ApiError> {
        Ok(Batch { db: db(env)?, statements: Vec::new() })
    }

    pub fn db(&self) -> &D1Database {
        &self.db
    }

    /// Adds a statement built with `query!`; its rows will be `T`s.
    fn add<T>(&mut self, statement: worker::Result<D1PreparedStatement>) -> Result<Slot<T>, ApiError> {
        self.statements.push(statement.map_err(http::storage)?);
        Ok(Slot { index: self.statements.len() - 1, rows: PhantomData })
    }

    /// Adds a statement whose rows become a value through `finish`.
    pub fn read<R: DeserializeOwned + 'static, T>(
        &mut self,
        statement: worker::Result<D1PreparedStatement>,
        finish: impl FnOnce(Vec<R>) -> Result<T, ApiError> + 'static,
    ) -> Result<Pending<T>, ApiError> {
        let slot = self.add::<R>(statement)?;
        Ok(Pending(Box::new(move |answers| finish(answers.rows(slot)?))))
    }

    /// A value read on its own: one round trip.
    pub async fn one<T: 'static>(
        env: &Env,
        read: impl FnOnce(&mut Batch) -> Result<Pending<T>, ApiError>,
    ) -> Result<T, ApiError> {
        let mut batch = Batch::new(env)?;
        let pending = read(&mut batch)?;
        pending.take(&batch.run().await?)
    }

    /// Adds a write built with `query!`, whose rows nobody reads.
    pub fn write(&mut self, statement: worker::Result<D1PreparedStatement>) -> Result<(), ApiError> {
        self.add::<()>(statement).map(drop)
    }

    /// Adds statements whose rows nobody reads (writes built elsewhere).
    pub fn extend(&mut self, statements: impl IntoIterator<Item = D1PreparedStatement>) {
        self.statements.extend(statements);
    }

    /// The one round trip. The batch is a transaction, so the answers agree with each other.
    pub async fn run(self) -> Result<Answers, ApiError> {
        self.run_or(http::storage).await
    }

    /// The round trip of a batch that writes: `failed` says what a failure means (a lost
    /// race is a version conflict, see `lost_race`). Nothing is stored unless all of it is.
    pub async fn run_or(self, failed: impl FnOnce(worker::Error) -> ApiError) -> Result<Answers, ApiError> {
        let expected = self.statements.len();
        let results = send_batch(&self.db, self.statements).await.map_err(failed)?;
        if results.len() != expected {
            return Err(http::internal(format!("D1 answered a batch of {expected} with {}", results.len())));
        }
        Ok(Answers(results))
    }
}

impl Answers {
    fn rows<T: DeserializeOwned>(&self, slot: Slot<T>) -> Result<Vec<T>, ApiError> {
        self.0[slot.index].results::<T>().map_err(http::storage)
    }
}
