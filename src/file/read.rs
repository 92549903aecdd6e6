//! Files the planner chose, read into plans one file at a time (plan files
//! and backups alike), and many files summed into one plan. The same code
//! runs on the page and in the worker that sums a province's commune files
//! away from the page's thread.

use super::{bundle, read_with_parent, ReadError, MAX_FILE_BYTES};
use crate::calc::{roll_up, rollup_unit, RollUp};
use crate::plan::{Level, Plan, Unit};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// A file that could not be read, and why; `item` is where in a backup
/// bundle the plan (or the file collected against it) is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportError {
    pub file: String,
    pub item: Option<bundle::Place>,
    pub error: ReadError,
}

/// A plan read from a file; `text` is its file exactly as a backup held it,
/// to be stored byte for byte; `parent` the plan of the level above that a
/// handed-down plan carries; `collection` the files collected against it
/// that a backup held, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Picked {
    pub plan: Rc<Plan>,
    pub text: Option<Rc<str>>,
    pub parent: Option<Rc<Plan>>,
    pub collection: Option<Rc<[Rc<str>]>>,
}

/// What the files held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilesRead {
    pub plans: Vec<Picked>,
    pub errors: Vec<ImportError>,
    /// how many of the files were backups
    pub backups: usize,
}

impl FilesRead {
    /// Refuses a file too large to be read at all, before it is read; true when refused.
    pub fn refuses(&mut self, name: &str, size: u64) -> bool {
        let refused = size > bundle::MAX_BYTES;
        if refused {
            self.errors.push(ImportError {
                file: name.to_string(),
                item: None,
                error: ReadError::TooLarge { bytes: size },
            });
        }
        refused
    }

    /// Adds what one file holds: its plan, or a backup's plans, or why not.
    /// `text` is `None` when the browser could not read the file.
    pub fn add(&mut self, name: &str, size: u64, text: Option<&str>) {
        let refuse = |error| ImportError {
            file: name.to_string(),
            item: None,
            error,
        };
        let Some(text) = text else {
            self.errors.push(refuse(ReadError::NotAPlan));
            return;
        };
        if bundle::looks_like_bundle(text) {
            self.backups += 1;
            match bundle::from_json(text) {
                Ok(b) => {
                    self.plans.extend(b.plans.into_iter().map(|i| Picked {
                        plan: Rc::new(i.plan),
                        text: Some(Rc::from(i.text)),
                        parent: None,
                        collection: i
                            .collection
                            .map(|c| c.into_iter().map(Rc::from).collect()),
                    }));
                    self.errors
                        .extend(b.errors.into_iter().map(|(k, error)| ImportError {
                            file: name.to_string(),
                            item: Some(k),
                            error,
                        }));
                }
                Err(error) => self.errors.push(refuse(error)),
            }
        } else if size > MAX_FILE_BYTES {
            self.errors
                .push(refuse(ReadError::TooLarge { bytes: size }));
        } else {
            match read_with_parent(text) {
                Ok((p, parent)) => self.plans.push(Picked {
                    plan: Rc::new(p),
                    text: None,
                    parent: parent.map(Rc::new),
                    collection: None,
                }),
                Err(error) => self.errors.push(refuse(error)),
            }
        }
    }
}

/// What summing many files came to: the total (untitled: the page names it
/// in the planner's language), the unit of the level above when all the
/// files name the same one, else the level the total belongs to, and the
/// files that could not be read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summed {
    pub rollup: Option<RollUp>,
    pub unit: Option<Unit>,
    pub level: Level,
    pub errors: Vec<ImportError>,
    /// the files' years together (first, last) run longer than a plan can:
    /// no total is made
    #[serde(default)]
    pub too_long: Option<(i32, i32)>,
}

/// Sums the plans the files held (see `calc::roll_up`).
pub fn sum(read: FilesRead) -> Summed {
    let plans: Vec<&Plan> = read.plans.iter().map(|p| p.plan.as_ref()).collect();
    let (unit, level) = match rollup_unit(&plans) {
        Ok(u) => {
            let level = u.level;
            (Some(u), level)
        }
        Err(level) => (None, level),
    };
    let rollup = (!plans.is_empty()).then(|| {
        roll_up(
            &plans,
            "",
            unit.clone()
                .unwrap_or_else(|| Unit::new(String::new(), level)),
        )
    });
    // each file's period is bounded, but files of far-apart periods together
    // are not: a total longer than a plan can be is refused, not stored
    let too_long = rollup
        .as_ref()
        .map(|r| r.plan.period)
        .filter(|p| p.check().is_err())
        .map(|p| (p.start, p.end));
    Summed {
        rollup: rollup.filter(|_| too_long.is_none()),
        unit,
        level,
        errors: read.errors,
        too_long,
    }
}

/// Files being summed, read in any order (the worker reads them together)
/// and each checked as it arrives; the total follows the order of the
/// planner's choice, whatever order they were read in.
#[derive(Default)]
pub struct Summing {
    parts: Vec<(usize, FilesRead)>,
}

impl Summing {
    /// Reads the file at `index` of the choice (`text`: `None` when unreadable).
    pub fn add(&mut self, index: usize, name: &str, size: u64, text: Option<&str>) {
        let mut read = FilesRead::default();
        if !read.refuses(name, size) {
            read.add(name, size, text);
        }
        self.parts.push((index, read));
    }

    pub fn finish(mut self) -> Summed {
        crate::sort::sort_by_key(&mut self.parts, |(k, _)| *k);
        let mut all = FilesRead::default();
        for (_, read) in self.parts {
            all.plans.extend(read.plans);
            all.errors.extend(read.errors);
            all.backups += read.backups;
        }
        sum(all)
    }
}
