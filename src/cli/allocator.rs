//! The allocator settings of the `rapporteur` process (the command line and
//! the language server), set once by `main` before any thread starts; the
//! benchmarks set the same, so that they measure the analysis as the binary
//! runs it.

/// Sets glibc malloc's parameters (elsewhere, nothing).
///
/// - Two arenas. glibc gives each thread that allocates its own arena (up
///   to 8 per core), and memory freed in one is not reused by another: the
///   analyses made on the language server's blocking threads, and the
///   check's worker threads, kept several copies' worth of freed memory
///   resident (72 MB peak instead of 52 MB for a 1-MB document, 383 MB
///   instead of 275 MB at 10 MB). Two arenas keep two cores busy.
/// - Blocks of up to 32 MB from the heap, and the heap grown and trimmed
///   64 MB at a time. An analysis of a 10-MB document allocates and frees
///   buffers of megabytes (the lines, the nodes, the references); by
///   default glibc maps each such block afresh and unmaps it when freed, so
///   every analysis faults its working memory in again, page by page:
///   101,000 page faults in `cargo bench --bench check` (Chinese) against
///   51,000, and the 10-MB analysis about 35% slower. Pages of the pad that
///   are never written are not resident, so the peak memory is unchanged.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; it is called before
    // any other thread of the process starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TOP_PAD, 64 << 20);
    }
}
