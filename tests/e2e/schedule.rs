//! When each trial runs: two browsers at a time (what 2 cores carry), never two of the same
//! engine (geckodriver serves one session at a time; one of each keeps the engines' tests
//! apart). Whichever engine has a trial ready takes a free place, so no engine waits for
//! another to finish: Chromium and WebKit run side by side once Firefox is done.

use std::sync::{Condvar, Mutex, MutexGuard};

use libtest_mimic::Trial;

use crate::browsers::{Engine, ENGINES};

/// How many browsers run at once.
const PLACES: usize = 2;

pub struct Schedule {
    /// One test at a time for each engine, in `ENGINES` order.
    engines: [Mutex<()>; 3],
    free: Mutex<usize>,
    freed: Condvar,
}

/// A trial's turn: it holds its engine and one of the places until dropped.
pub struct Turn<'a> {
    schedule: &'a Schedule,
    _engine: MutexGuard<'a, ()>,
}

impl Schedule {
    pub fn new() -> Self {
        Self {
            engines: [Mutex::new(()), Mutex::new(()), Mutex::new(())],
            free: Mutex::new(PLACES),
            freed: Condvar::new(),
        }
    }

    /// Waits until no other trial of `engine` runs, then for a free place.
    pub fn turn(&self, engine: Engine) -> Turn<'_> {
        let engine = self.engines[index(engine)]
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
        Turn {
            schedule: self,
            _engine: engine,
        }
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        *self.schedule.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.schedule.freed.notify_one();
    }
}

/// The trials in the order the threads take them: one of each engine in turn, so that every
/// engine has a trial waiting when a place frees up.
pub fn interleaved(trials: Vec<(Engine, Trial)>) -> Vec<Trial> {
    let mut queues: Vec<Vec<Trial>> = ENGINES.iter().map(|_| Vec::new()).collect();
    for (engine, trial) in trials {
        queues[index(engine)].push(trial);
    }
    queues.iter_mut().for_each(|queue| queue.reverse());
    let mut ordered = Vec::new();
    while queues.iter().any(|queue| !queue.is_empty()) {
        ordered.extend(queues.iter_mut().filter_map(Vec::pop));
    }
    ordered
}

/// Where `engine` stands in `ENGINES`.
fn index(engine: Engine) -> usize {
    ENGINES.iter().position(|&e| e == engine).unwrap_or(0)
}
