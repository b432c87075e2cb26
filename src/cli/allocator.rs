//! The allocator settings of the `rapporteur` process (the command line and
//! the language server), set once by `main` before any thread starts; the
//! benchmarks set the same, so that they measure the analysis as the binary
//! runs it.

/// What the process is for: its allocator settings trade memory for speed
/// only in a batch job.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    /// The command line (`check`, `fix`, `export`, …): analyses one
    /// document after another and exits.
    Batch,
    /// The language server: holds documents for hours, so its peak memory
    /// counts more than the last tenth of the analysis's speed.
    Server,
}

/// Sets glibc malloc's parameters (elsewhere, nothing).
///
/// - Two arenas in a batch job, one in the server. glibc gives each thread
///   that allocates its own arena (up to 8 per core), and memory freed in
///   one is not reused by another: the analyses made on the language
///   server's blocking threads, and the check's worker threads, kept
///   several copies' worth of freed memory resident (72 MB peak instead of
///   52 MB for a 1-MB document, 383 MB instead of 275 MB at 10 MB). Two
///   arenas keep the check's two cores busy. The server's analyses run one
///   after another (a lane per document), on whichever blocking thread is
///   free: with two arenas an update often allocated in the arena its
///   previous version had not freed into, and typing into a 10-MB draft
///   peaked at 143–187 MB (a burst: 169–180 MB); with one, 126–146 MB
///   (143–145 MB), its keystrokes as fast within the noise (session 10).
/// - In a batch job only: blocks of up to 32 MB from the heap, and the
///   heap grown and trimmed 64 MB at a time. An analysis of a 10-MB document allocates and frees
///   buffers of megabytes (the lines, the nodes, the references); by
///   default glibc maps each such block afresh and unmaps it when freed, so
///   every analysis faults its working memory in again, page by page:
///   101,000 page faults in `cargo bench --bench check` (Chinese) against
///   51,000, and the 10-MB analysis about 35% slower. In `check` the peak
///   memory does not grow (82.5 MB for a 10-MB Chinese draft, 88.7 MB
///   before). The server does the opposite (below): it holds documents
///   between keystrokes, and its peak memory counts.
/// - In the server: every block of 256 KB or more mapped on its own, and
///   unmapped when freed. glibc's default threshold grows to the size of
///   the largest block freed, so after the first keystroke the text, the
///   masked text and the arrays of lines, nodes and references came from
///   the heap, whose freed room stayed resident: typing into a 1-MB draft
///   peaked at 25.2–26.1 MB, 22.3–23.0 MB so; a 10-MB draft at 120–130 MB,
///   91–92 MB so. Each keystroke then faults its new text in afresh: at 10
///   MB the median keystroke → diagnostics went from 12–16 to 18–25 ms,
///   inside the 30 ms the issue allows (session 11; session 9 had declined
///   it at 10 ms more a keystroke when its keystroke took 19 ms).
pub fn configure(workload: Workload) {
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = workload;
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; it is called before
    // any other thread of the process starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, if workload == Workload::Server { 1 } else { 2 });
        match workload {
            Workload::Batch => {
                libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
                libc::mallopt(libc::M_TOP_PAD, 64 << 20);
            }
            Workload::Server => {
                libc::mallopt(libc::M_MMAP_THRESHOLD, SERVER_MMAP_THRESHOLD);
            }
        }
    }
}

/// The server's size from which a block is mapped on its own (see [`configure`]).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const SERVER_MMAP_THRESHOLD: libc::c_int = 256 << 10;

/// Runs `compile` (the server's readying of a language: the compilation of
/// its tables, and a sample analysis that builds the patterns' first search
/// states) with blocks of up to 512 KB taken from the heap and the heap's top kept,
/// then puts the server's settings back (glibc's; elsewhere it only runs
/// `compile`).
///
/// The regex compiler allocates a map of 10,000 entries (320 KB) for every
/// pattern with a non-ASCII class and frees it at the end: above the
/// server's threshold, each was mapped afresh, faulted in page by page
/// while zeroed and unmapped again, and within it, freed at the heap's top,
/// given back to the system and faulted in again by the next pattern. The
/// Chinese tables took 8.3–8.4 ms of CPU so (3,200 page faults in the
/// process), 4.9 ms so (1,160); their peak is about 1 MB.
///
/// The settings are the process's: the other threads' blocks of 256 to
/// 512 KB come from the heap meanwhile (the server's analysis thread is the
/// one compiling, and a document's text is larger). glibc reads them under
/// the arena's lock, which `mallopt` takes, and the server has one arena.
pub fn warming_up<T>(compile: impl FnOnce() -> T) -> T {
    /// Puts the server's settings back, also if `compile` panics.
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            // SAFETY: as below; 128 KB is glibc's default trim threshold.
            unsafe {
                libc::mallopt(libc::M_MMAP_THRESHOLD, SERVER_MMAP_THRESHOLD);
                libc::mallopt(libc::M_TRIM_THRESHOLD, 128 << 10);
            }
        }
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters (under the arena's lock).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 512 << 10);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 8 << 20);
    }
    let _restore = Restore;
    compile()
}

/// Gives the pages that freed memory leaves inside the heap back to the
/// system (glibc's `malloc_trim`; elsewhere, nothing). glibc returns only
/// the top of each heap by itself, so the many small blocks an analysis or
/// an outline frees (names, eIds, messages) kept their pages resident
/// between requests. The server calls it when no edit has come for a
/// second after the last diagnostics were sent, and after an outline is sent.
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}
