//! The `rapporteur` binary: everything is dispatched by `cli::run`
//! (`lsp` starts the language server; the other commands are the command line).

fn main() {
    // glibc gives each thread that allocates its own arena (up to 8 per
    // core), and memory freed in one is not reused by another: the
    // analyses made on the language server's blocking threads, and the
    // check's worker threads, kept several copies' worth of freed memory
    // resident (72 MB peak instead of 52 MB for a 1-MB document, 383 MB
    // instead of 275 MB at 10 MB). Two arenas keep two cores busy.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(rapporteur::cli::run(&args));
}
