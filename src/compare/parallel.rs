//! Order-keeping parallel map over slices, on scoped threads (std only): featurising and
//! relating claims are independent per item, and a store's comparison should use the
//! cores it has.

/// Below this many items a map runs on the calling thread: spawning costs more.
const MIN_PARALLEL: usize = 2048;
/// At most this many threads.
const MAX_THREADS: usize = 8;

/// How many threads a map uses for `n` items.
pub fn threads_for(n: usize) -> usize {
    if n < MIN_PARALLEL {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .min(MAX_THREADS)
        .min(n / (MIN_PARALLEL / 2))
        .max(1)
}

/// `items.iter().map(f).collect()`, split into contiguous chunks over threads; the
/// output is in input order.
pub fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    map_chunks(items, |chunk| chunk.iter().map(&f).collect())
}

/// Runs `f` on contiguous chunks of `items` over threads and concatenates the results
/// in input order (for work that keeps state per chunk, like a query's scratch space).
pub fn map_chunks<T: Sync, U: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<U> + Sync) -> Vec<U> {
    let threads = threads_for(items.len());
    if threads <= 1 {
        return f(items);
    }
    let size = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| scope.spawn(move || f(chunk)))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                // A panic in a worker is a bug: pass it on as it was.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_small_and_large() {
        let small: Vec<u32> = (0..10).collect();
        assert_eq!(
            map(&small, |x| x * 2),
            (0..10).map(|x| x * 2).collect::<Vec<_>>()
        );
        let large: Vec<u32> = (0..50_000).collect();
        let out = map(&large, |x| x + 1);
        assert!(out.iter().enumerate().all(|(i, &x)| x == i as u32 + 1));
        let sums = map_chunks(&large, |c| vec![c.len()]);
        assert_eq!(sums.iter().sum::<usize>(), large.len());
        assert!(map::<u32, u32>(&[], |x| *x).is_empty());
    }
}
