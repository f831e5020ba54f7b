//! How the comparison uses the machine's cores. Rayon's pool costs a start (its threads are
//! made at the first call, after reading the cgroup's CPU quota) and a wake-up per hand-over,
//! which on short reports is more than the work handed over; so every parallel step of the
//! engine asks [`Cores`] first, and two short texts are compared on the calling thread alone,
//! without starting the pool.

use rayon::prelude::*;

use super::doc::Doc;
use super::params::PARALLEL_BYTES;

/// Whether a comparison spreads its work over the cores: decided once from the size of the
/// two texts, and passed to each step that could.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cores {
    pool: bool,
}

impl Cores {
    /// For two texts of these many bytes together.
    pub fn for_bytes(bytes: usize) -> Cores {
        Cores {
            pool: bytes >= PARALLEL_BYTES,
        }
    }

    /// For comparing these two documents.
    pub fn of(left: &Doc, right: &Doc) -> Cores {
        Cores::for_bytes(left.body.len() + right.body.len())
    }

    /// Whether work is handed to rayon's pool.
    pub fn parallel(self) -> bool {
        self.pool
    }

    /// Runs both, on the pool when parallel, else one after the other.
    pub fn join<RA: Send, RB: Send>(
        self,
        a: impl FnOnce() -> RA + Send,
        b: impl FnOnce() -> RB + Send,
    ) -> (RA, RB) {
        if self.pool {
            rayon::join(a, b)
        } else {
            (a(), b())
        }
    }

    /// `f` of each item with its index, in order; on the pool when parallel.
    pub fn map<T: Sync, R: Send>(
        self,
        items: &[T],
        f: impl Fn((usize, &T)) -> R + Sync + Send,
    ) -> Vec<R> {
        if self.pool {
            items.par_iter().enumerate().map(f).collect()
        } else {
            items.iter().enumerate().map(f).collect()
        }
    }

    /// Sorts `items` by `order`, stably; on the pool when parallel.
    pub fn sort_by<T: Send>(
        self,
        items: &mut [T],
        order: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
    ) {
        if self.pool {
            items.par_sort_by(order);
        } else {
            items.sort_by(order);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn here() -> std::thread::ThreadId {
        std::thread::current().id()
    }

    #[test]
    fn short_texts_stay_on_the_calling_thread() {
        let caller = here();
        let short = Cores::for_bytes(PARALLEL_BYTES - 1);
        assert!(!short.parallel());
        assert_eq!(short.join(here, here), (caller, caller));
        let ids = short.map(&[1, 2, 3], |(i, x)| (i, *x * 2, here()));
        assert_eq!(ids, vec![(0, 2, caller), (1, 4, caller), (2, 6, caller)]);
    }

    #[test]
    fn long_texts_use_the_pool_and_results_keep_their_order() {
        let long = Cores::for_bytes(PARALLEL_BYTES);
        assert!(long.parallel());
        let on_pool = long.map(&[0; 4], |_| rayon::current_thread_index().is_some());
        assert!(on_pool.iter().any(|&p| p), "{on_pool:?}");
        assert_eq!(long.map(&[1, 2, 3], |(i, x)| i + x), vec![1, 3, 5]);
        assert_eq!(long.join(|| 1, || 2), (1, 2));
        let mut pairs: Vec<(u32, u32)> = (0..10_000).map(|k| ((k * 7919) % 13, k)).collect();
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        long.sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, expected, "stable, as the sequential sort");
    }
}
