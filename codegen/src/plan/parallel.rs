//! Work spread over every core, with results in input order (so output never depends on how
//! the work was split).

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// `f` of every item, computed on up to one thread per core, in the order of `items`.
///
/// Each thread takes the next item not yet taken, so jobs of very different sizes (one
/// large catalog's `codes.rs` beside fifty small pages) keep every core busy until the end.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let result = f(item);
            *results[i]
                .lock()
                .expect("no thread panics while holding a result") = Some(result);
        }
    };
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        for handle in handles {
            if let Err(panic) = handle.join() {
                // A panic in `f` is a bug in errcat: let it through as it was.
                std::panic::resume_unwind(panic);
            }
        }
    });
    results
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .expect("no thread panics while holding a result")
                .expect("every item was taken by a thread")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        let doubled = super::map(&items, |i| i * 2);
        assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(super::map(&[] as &[usize], |i| *i).is_empty());
    }

    #[test]
    fn slow_items_do_not_hold_back_the_order() {
        // The first item is the slowest: the others finish first, the order is kept.
        let items: Vec<u64> = vec![30, 1, 1, 1, 1, 1, 1, 1];
        let out = super::map(&items, |ms| {
            std::thread::sleep(Duration::from_millis(*ms));
            *ms * 10
        });
        assert_eq!(out, items.iter().map(|m| m * 10).collect::<Vec<_>>());
    }
}
