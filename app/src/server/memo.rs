//! A value read from the database and kept in memory for a moment (docs/ARCHITECTURE.md,
//! "Reads kept in memory").
//!
//! What makes it safe to serve instead of the database:
//! - it is never older than `fresh_for`, however it was changed (another server, the command
//!   line, a write this process did not announce);
//! - after [`Memo::invalidate`] returns, no caller gets a value whose load began before it, so a
//!   write followed by `invalidate` is seen by the next request on this server;
//! - one load at a time: callers that find it stale while another loads wait for that load
//!   instead of all reading the database at once; if that load fails, each of them loads for
//!   itself at once (a database that is down fails them together, not one after another).

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

/// One kept value of type `T`.
pub struct Memo<T> {
    fresh_for: Duration,
    /// Bumped by every invalidation; a kept value loaded under an older generation is stale.
    generation: AtomicU64,
    kept: RwLock<Option<Kept<T>>>,
    loading: tokio::sync::Mutex<()>,
}

struct Kept<T> {
    value: Arc<T>,
    generation: u64,
    /// When its load began: the data is at least this old.
    loaded_at: Instant,
}

impl<T> Memo<T> {
    /// An empty memo whose values are served for `fresh_for` after their load began.
    pub fn new(fresh_for: Duration) -> Self {
        Memo {
            fresh_for,
            generation: AtomicU64::new(0),
            kept: RwLock::new(None),
            loading: tokio::sync::Mutex::new(()),
        }
    }

    /// Forgets the kept value: the next caller loads again, and a load already under way is not
    /// kept.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// The kept value if it is fresh, else the result of `load` (kept when it succeeds).
    pub async fn get_or_load<E, F, Fut>(&self, load: F) -> Result<Arc<T>, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        if let Some(value) = self.fresh() {
            return Ok(value);
        }
        let loading = match self.loading.try_lock() {
            Ok(only_load) => Some(only_load),
            Err(_) => {
                // Another caller is loading: wait for it to end, then use what it kept.
                drop(self.loading.lock().await);
                if let Some(value) = self.fresh() {
                    return Ok(value);
                }
                // It failed, or an invalidation came meanwhile: load without waiting again.
                None
            }
        };
        let generation = self.generation.load(Ordering::Acquire);
        let loaded_at = Instant::now();
        let value = Arc::new(load().await?);
        let mut kept = self.kept.write().unwrap_or_else(PoisonError::into_inner);
        // Loads may end out of order; the one that began last under the newest generation wins.
        if kept
            .as_ref()
            .is_none_or(|k| (k.generation, k.loaded_at) < (generation, loaded_at))
        {
            *kept = Some(Kept {
                value: Arc::clone(&value),
                generation,
                loaded_at,
            });
        }
        drop(kept);
        drop(loading);
        Ok(value)
    }

    fn fresh(&self) -> Option<Arc<T>> {
        let generation = self.generation.load(Ordering::Acquire);
        let kept = self.kept.read().unwrap_or_else(PoisonError::into_inner);
        kept.as_ref()
            .filter(|k| k.generation == generation && k.loaded_at.elapsed() < self.fresh_for)
            .map(|k| Arc::clone(&k.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    const LONG: Duration = Duration::from_secs(3600);

    async fn counted(memo: &Memo<usize>, loads: &AtomicUsize) -> usize {
        let value = memo
            .get_or_load(|| async { Ok::<_, ()>(loads.fetch_add(1, Ordering::SeqCst) + 1) })
            .await
            .unwrap();
        *value
    }

    #[tokio::test]
    async fn a_fresh_value_is_loaded_once() {
        let (memo, loads) = (Memo::new(LONG), AtomicUsize::new(0));
        assert_eq!(counted(&memo, &loads).await, 1);
        assert_eq!(counted(&memo, &loads).await, 1);
        assert_eq!(loads.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn callers_arriving_together_share_one_load() {
        let memo = Arc::new(Memo::new(LONG));
        let loads = Arc::new(AtomicUsize::new(0));
        let (release, wait) = tokio::sync::watch::channel(false);
        let callers: Vec<_> = (0..20)
            .map(|_| {
                let (memo, loads, mut wait) = (memo.clone(), loads.clone(), wait.clone());
                tokio::spawn(async move {
                    let value = memo
                        .get_or_load(|| async move {
                            loads.fetch_add(1, Ordering::SeqCst);
                            let _ = wait.wait_for(|go| *go).await;
                            Ok::<_, ()>(7)
                        })
                        .await;
                    *value.unwrap()
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(50)).await;
        release.send(true).unwrap();
        for caller in callers {
            assert_eq!(caller.await.unwrap(), 7);
        }
        assert_eq!(loads.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn when_the_shared_load_fails_the_waiting_callers_load_together() {
        let memo = Arc::new(Memo::<u8>::new(LONG));
        let (release, wait) = tokio::sync::watch::channel(false);
        let first = {
            let (memo, mut wait) = (memo.clone(), wait.clone());
            tokio::spawn(async move {
                memo.get_or_load(|| async move {
                    let _ = wait.wait_for(|go| *go).await;
                    Err::<u8, _>("down")
                })
                .await
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        // Five callers wait for the failing load, then each loads for itself: their loads meet
        // at a barrier, which they pass only if they run at the same time, not one by one.
        let barrier = Arc::new(tokio::sync::Barrier::new(5));
        let waiting: Vec<_> = (0..5)
            .map(|_| {
                let (memo, barrier) = (memo.clone(), barrier.clone());
                tokio::spawn(async move {
                    memo.get_or_load(|| async move {
                        barrier.wait().await;
                        Ok::<u8, &str>(3)
                    })
                    .await
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(20)).await;
        release.send(true).unwrap();
        assert_eq!(first.await.unwrap().err(), Some("down"));
        for caller in waiting {
            let value = tokio::time::timeout(Duration::from_secs(10), caller).await;
            assert_eq!(*value.expect("loads ran together").unwrap().unwrap(), 3);
        }
    }

    #[tokio::test]
    async fn an_invalidated_value_is_loaded_again() {
        let (memo, loads) = (Memo::new(LONG), AtomicUsize::new(0));
        assert_eq!(counted(&memo, &loads).await, 1);
        memo.invalidate();
        assert_eq!(counted(&memo, &loads).await, 2);
        assert_eq!(counted(&memo, &loads).await, 2);
    }

    #[tokio::test]
    async fn a_load_that_began_before_an_invalidation_is_not_kept() {
        let memo = Memo::new(LONG);
        // The load reads "old data", then a write and its invalidation happen before it ends.
        let first = memo
            .get_or_load(|| async {
                memo.invalidate();
                Ok::<_, ()>("old")
            })
            .await
            .unwrap();
        assert_eq!(*first, "old");
        let next = memo
            .get_or_load(|| async { Ok::<_, ()>("new") })
            .await
            .unwrap();
        assert_eq!(*next, "new");
    }

    #[tokio::test]
    async fn a_value_older_than_its_freshness_is_loaded_again() {
        let (memo, loads) = (Memo::new(Duration::from_millis(20)), AtomicUsize::new(0));
        assert_eq!(counted(&memo, &loads).await, 1);
        tokio::time::sleep(Duration::from_millis(40)).await;
        assert_eq!(counted(&memo, &loads).await, 2);
    }

    #[tokio::test]
    async fn a_failed_load_is_reported_and_not_kept() {
        let memo: Memo<u8> = Memo::new(LONG);
        let failed = memo.get_or_load(|| async { Err::<u8, _>("down") }).await;
        assert_eq!(failed.err(), Some("down"));
        let value = memo.get_or_load(|| async { Ok::<_, &str>(1) }).await;
        assert_eq!(value.map(|v| *v), Ok(1));
    }
}
