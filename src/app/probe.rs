//! Counts how often the heavy components render, in development builds only,
//! so that a test can tell that a save re-rendered none of the table's rows.
//! In a release build it is empty and costs nothing.

#[cfg(debug_assertions)]
thread_local! {
    static RENDERS: std::cell::RefCell<std::collections::BTreeMap<&'static str, u64>> = Default::default();
}

/// Called at the top of a component's render.
#[inline]
pub fn rendered(_name: &'static str) {
    #[cfg(debug_assertions)]
    RENDERS.with(|r| *r.borrow_mut().entry(_name).or_default() += 1);
}

/// How often `name` has rendered since the page loaded (0 in a release build).
pub fn renders(_name: &'static str) -> u64 {
    #[cfg(debug_assertions)]
    return RENDERS.with(|r| r.borrow().get(_name).copied().unwrap_or(0));
    #[cfg(not(debug_assertions))]
    0
}
