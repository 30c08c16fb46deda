//! `cargo run --release --manifest-path benches/lookup/Cargo.toml`: nanoseconds per call of
//! the generated `ErrorCode::from_code` (the body of `FromStr`), `as_str` and `http_status`,
//! against the `phf` crate, a `HashMap`, a plain `match` and strum's `EnumString`, for
//! synthetic catalogs of several sizes. See BENCHMARKS.md.
//!
//! Each figure is the median of [`RUNS`] timed runs. The runs of the contenders at one size
//! are interleaved (one run of each, then again), so a load that comes and goes on the
//! machine weighs on all of them alike.

#![allow(dead_code, missing_docs)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Counts allocations, so each contender's allocations per call can be shown.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Timed runs per figure; the figure is their median.
const RUNS: usize = 11;
/// About how long one run lasts: enough passes over the inputs to fill it.
const RUN_TIME: Duration = Duration::from_millis(20);

/// A timed run: `passes` passes of `f` over every input, in nanoseconds per call.
fn run<T>(inputs: &[T], passes: usize, f: &impl Fn(&T) -> usize) -> f64 {
    let start = Instant::now();
    for _ in 0..passes {
        let mut sum = 0usize;
        for input in inputs {
            sum = sum.wrapping_add(f(black_box(input)));
        }
        black_box(sum);
    }
    start.elapsed().as_nanos() as f64 / (passes * inputs.len()) as f64
}

/// Something to time over one input set: its name, the number of inputs, and one timed run
/// of `passes` passes.
type Contender<'a> = (&'static str, usize, Box<dyn Fn(usize) -> f64 + 'a>);

fn contender<'a, T>(
    name: &'static str,
    inputs: &'a [T],
    f: impl Fn(&T) -> usize + 'a,
) -> Contender<'a> {
    (
        name,
        inputs.len(),
        Box::new(move |passes| run(inputs, passes, &f)),
    )
}

/// The median time of each contender, in nanoseconds per call, their runs interleaved.
fn time_all(contenders: &[Contender]) -> Vec<f64> {
    time_and_count(contenders).0
}

/// [`time_all`], and each contender's allocations per call (over one pass).
fn time_and_count(contenders: &[Contender]) -> (Vec<f64>, Vec<f64>) {
    let mut allocations = Vec::new();
    let passes: Vec<usize> = contenders
        .iter()
        .map(|(_, len, f)| {
            let before = ALLOCATIONS.load(Ordering::Relaxed);
            let pass = f(1) * 1e-9 * *len as f64;
            let after = ALLOCATIONS.load(Ordering::Relaxed);
            allocations.push((after - before) as f64 / *len as f64);
            (RUN_TIME.as_secs_f64() / pass.max(1e-9)).clamp(1.0, 1e6) as usize
        })
        .collect();
    let mut runs = vec![Vec::with_capacity(RUNS); contenders.len()];
    for _ in 0..RUNS {
        for ((_, _, f), (runs, &passes)) in contenders.iter().zip(runs.iter_mut().zip(&passes)) {
            runs.push(f(passes));
        }
    }
    let medians = runs
        .into_iter()
        .map(|mut r| {
            r.sort_by(f64::total_cmp);
            r[RUNS / 2]
        })
        .collect();
    (medians, allocations)
}

/// `items` in a fixed pseudo-random order, so that neither the tables nor a `match` are
/// walked in catalog order.
fn shuffled<T: Clone>(items: &[T]) -> Vec<T> {
    let mut v = items.to_vec();
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

/// Prints the lookup rows of one size: hits and misses, and each as a multiple of the
/// first contender's (errcat's).
fn lookup_rows(n: usize, hits: &[Contender], misses: &[Contender], missing: &[&str]) {
    let ((hit, hit_allocs), (miss, miss_allocs)) = (time_and_count(hits), time_and_count(misses));
    for (i, (name, _, _)) in hits.iter().enumerate() {
        println!(
            "| {n:>6} | {name:<24} | {:>9.1} | {:>9.1} | {:>7.2} | {:>7.2} | {:>4} | {:>4} |",
            hit[i],
            miss[i],
            hit[i] / hit[0],
            miss[i] / miss[0],
            hit_allocs[i],
            miss_allocs[i],
        );
    }
    for name in missing {
        println!("| {n:>6} | {name:<24} | not built | not built | | | | |");
    }
}

macro_rules! bench {
    ($n:literal, $m:ident) => {{
        use $m::errcat::ErrorCode;
        let hits: Vec<String> = shuffled(ErrorCode::ALL)
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect();
        let misses: Vec<String> = hits.iter().map(|h| format!("{h}x")).collect();
        let map: HashMap<&str, ErrorCode> =
            ErrorCode::ALL.iter().map(|c| (c.as_str(), *c)).collect();
        let mut missing = Vec::new();
        let contenders = |keys: &'static [String]| {
            let map = &map;
            let mut all = vec![
                contender("errcat from_code", keys, |k: &String| {
                    ErrorCode::from_code(k).is_some() as usize
                }),
                contender("errcat FromStr", keys, |k: &String| {
                    k.parse::<ErrorCode>().is_ok() as usize
                }),
                contender("phf::Map (phf_codegen)", keys, |k: &String| {
                    $m::phf::MAP
                        .get(k.as_str())
                        .map(|&i| ErrorCode::ALL[usize::from(i)])
                        .is_some() as usize
                }),
                contender("HashMap (SipHash)", keys, move |k: &String| {
                    map.get(k.as_str()).is_some() as usize
                }),
            ];
            if let Some(lookup) = $m::plain::MATCH {
                all.push(contender("match", keys, move |k: &String| {
                    lookup(k).is_some() as usize
                }));
            }
            if let Some(parse) = $m::strum::PARSE {
                all.push(contender("strum EnumString", keys, move |k: &String| {
                    parse(k) as usize
                }));
            }
            all
        };
        if $m::plain::MATCH.is_none() {
            missing.push("match");
        }
        if $m::strum::PARSE.is_none() {
            missing.push("strum EnumString");
        }
        let (hits, misses): (&'static [String], &'static [String]) = (hits.leak(), misses.leak());
        lookup_rows($n, &contenders(hits), &contenders(misses), &missing);

        let generated = shuffled(ErrorCode::ALL);
        let plain = shuffled(&$m::plain::ALL);
        let t = time_all(&[
            contender("", &generated, |c| c.as_str().len()),
            contender("", &plain, |c| c.as_str().len()),
            contender("", &generated, |c| usize::from(c.http_status())),
            contender("", &plain, |c| usize::from(c.http_status())),
        ]);
        ACCESSORS.with_borrow_mut(|rows| {
            for (name, errcat, matched) in [("as_str", t[0], t[1]), ("http_status", t[2], t[3])] {
                rows.push(format!(
                    "| {:>6} | {name:<11} | {errcat:>5.2} | {matched:>5.2} | {:>5.2} |",
                    $n,
                    matched / errcat
                ));
            }
        });
    }};
}

// The modules of every size, and `run_all()`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/sizes.rs"));

thread_local! {
    static ACCESSORS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn main() {
    println!("Lookup, ns per call (median of {RUNS} runs); × is the multiple of errcat's time\n");
    println!("| codes | lookup | hit ns | miss ns | hit × | miss × | allocs/hit | allocs/miss |");
    println!("|---:|---|---:|---:|---:|---:|---:|---:|");
    run_all();
    println!("\nAccessors, ns per call; × is match's time over errcat's\n");
    println!("| codes | accessor | errcat (static array) | match | × |");
    println!("|---:|---|---:|---:|---:|");
    ACCESSORS.with_borrow(|rows| rows.iter().for_each(|r| println!("{r}")));
}
