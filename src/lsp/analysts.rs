//! The two threads that analyse the open documents (for diagnostics and
//! for requests that need an analysis not made yet), in place of tokio's
//! blocking pool.
//!
//! Why threads of their own: a compiled pattern keeps a search cache for
//! the first thread that searches with it, and one more for each other
//! thread searching with it at the same time (the regex crate's pool); an
//! English document's caches grow to about 4 MB (`cargo bench --bench
//! tables`). On the blocking pool, whose threads come and go, the first
//! analysis and the next ones ran on different threads, each with caches of
//! its own: typing into a 100-KB English draft added 4 MB to the server's
//! peak (18.6 → 22.6 MB, against the 20.3). Here a job goes to the
//! first analyst whenever it is free, so one thread does nearly all the
//! searching; the second takes a job only while the first is busy (two
//! documents at once, a request beside the diagnostics), so the cores are
//! still both used. The language readied at `initialize` is readied on the
//! first analyst ([`ready`]), which so owns its caches.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

use tokio::sync::oneshot;

use crate::lang::Language;

type Job = Box<dyn FnOnce() + Send>;

/// One analysis thread and its queue.
struct Analyst {
    jobs: Mutex<Sender<Job>>,
    /// Jobs queued or running.
    load: Arc<AtomicUsize>,
}

/// The first analyst is readying a language (see [`ready`]): a document
/// opened meanwhile waits for it there rather than being analysed on the
/// second beside it, with caches of its own.
static READYING: AtomicBool = AtomicBool::new(false);

fn analysts() -> &'static [Analyst; 2] {
    static ANALYSTS: OnceLock<[Analyst; 2]> = OnceLock::new();
    ANALYSTS.get_or_init(|| [analyst(1), analyst(2)])
}

fn analyst(n: usize) -> Analyst {
    let (jobs, queue) = channel::<Job>();
    let spawned = std::thread::Builder::new().name(format!("rapporteur-analysis-{n}")).spawn(move || {
        // Every job catches its own panics (see `run`): the thread lives
        // as long as the process.
        while let Ok(job) = queue.recv() {
            job();
        }
    });
    if let Err(e) = spawned {
        super::log::stderr(super::log::Level::Error, &format!("cannot start analysis thread {n}: {e}"));
    }
    Analyst { jobs: Mutex::new(jobs), load: Arc::default() }
}

/// The analyst a new job goes to: the first when it is free (or only
/// readying a language), else the second when it is free, else the one with
/// fewer jobs.
fn choose(analysts: &[Analyst; 2]) -> &Analyst {
    let [first, second] = analysts;
    let first_load = first.load.load(Ordering::Acquire);
    if first_load == 0 || (first_load == 1 && READYING.load(Ordering::Acquire)) {
        return first;
    }
    let second_load = second.load.load(Ordering::Acquire);
    if second_load == 0 || second_load < first_load {
        second
    } else {
        first
    }
}

/// Runs `job` on an analysis thread; its result, or the panic it raised.
/// `Err(None)` if it could not be run (no thread).
pub async fn run<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Result<T, Option<Box<dyn Any + Send>>> {
    let (tx, rx) = oneshot::channel();
    submit(choose(analysts()), move || {
        let _ = tx.send(catch_unwind(AssertUnwindSafe(job)));
    });
    match rx.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => Err(Some(panic)),
        Err(_) => Err(None),
    }
}

fn submit(analyst: &Analyst, job: impl FnOnce() + Send + 'static) {
    let load = Arc::clone(&analyst.load);
    load.fetch_add(1, Ordering::AcqRel);
    let job: Job = Box::new(move || {
        job();
        load.fetch_sub(1, Ordering::AcqRel);
    });
    let sent = analyst.jobs.lock().map_err(|_| ()).and_then(|jobs| jobs.send(job).map_err(|_| ()));
    if sent.is_err() {
        // No thread: the job is dropped, and `run`'s caller told so.
        analyst.load.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Readies `lang` on the first analyst ([`crate::ide::warm_up`]): its
/// tables, then a sample analysis in pieces, which stops as soon as a
/// document has come (it is analysed at once, the tables being ready, after
/// at most one piece). The receiver hears when the tables are compiled (or
/// failed to). Both steps allocate as [`crate::cli::allocator::warming_up`]
/// says.
pub fn ready(lang: Language) -> oneshot::Receiver<()> {
    let first = &analysts()[0];
    READYING.store(true, Ordering::Release);
    let load = Arc::clone(&first.load);
    let (compiled, tables) = oneshot::channel();
    submit(first, move || {
        let started = Instant::now();
        let ready = catch_unwind(AssertUnwindSafe(|| {
            crate::cli::allocator::warming_up(|| {
                let compiling = catch_unwind(|| crate::lang::warm_up(lang));
                let _ = compiled.send(());
                let tables = started.elapsed();
                if let Err(panic) = compiling {
                    std::panic::resume_unwind(panic);
                }
                let pieces = crate::ide::warm_up::analyse_sample(lang, || load.load(Ordering::Acquire) > 1);
                (tables, pieces)
            })
        }));
        READYING.store(false, Ordering::Release);
        match ready {
            Ok((tables, pieces)) if super::log::enabled(super::log::Level::Debug) => {
                let msg = format!(
                    "readied {lang}: tables compiled in {tables:?}, then {pieces} of {} pieces of the sample analysed, in {:?} in all",
                    crate::ide::warm_up::SAMPLE_PIECES,
                    started.elapsed()
                );
                super::log::stderr(super::log::Level::Debug, &msg);
            }
            Ok(_) => {}
            Err(panic) => {
                super::log::stderr(super::log::Level::Error, &format!("readying {lang} failed: {}", super::panic_message(&*panic)))
            }
        }
    });
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_run_and_panics_are_caught_without_losing_a_thread() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
        runtime.block_on(async {
            assert_eq!(run(|| 6 * 7).await.ok(), Some(42));
            assert!(matches!(run(|| -> u8 { panic!("a bug") }).await, Err(Some(_))));
            // Both threads still serve.
            let names: Vec<_> = futures_names().await;
            assert!(names.iter().all(|n| n.starts_with("rapporteur-analysis-")), "{names:?}");
        });
    }

    async fn futures_names() -> Vec<String> {
        let mut names = Vec::new();
        for _ in 0..4 {
            names.push(run(|| std::thread::current().name().unwrap_or_default().to_string()).await.unwrap_or_default());
        }
        names
    }

    #[test]
    fn a_free_first_analyst_takes_the_job() {
        let analysts = [
            Analyst { jobs: Mutex::new(channel().0), load: Arc::new(AtomicUsize::new(0)) },
            Analyst { jobs: Mutex::new(channel().0), load: Arc::new(AtomicUsize::new(0)) },
        ];
        assert!(std::ptr::eq(choose(&analysts), &analysts[0]));
        analysts[0].load.store(1, Ordering::Release);
        assert!(std::ptr::eq(choose(&analysts), &analysts[1]));
        analysts[1].load.store(3, Ordering::Release);
        assert!(std::ptr::eq(choose(&analysts), &analysts[0]));
    }
}
