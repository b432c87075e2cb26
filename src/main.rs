//! The `rapporteur` binary: everything is dispatched by `cli::run`
//! (`lsp` starts the language server; the other commands are the command line).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Allocator settings (glibc: arenas, large blocks): see `cli::allocator`.
    use rapporteur::cli::allocator::{configure, Workload};
    configure(if args.first().is_some_and(|a| a == "lsp") { Workload::Server } else { Workload::Batch });
    std::process::exit(rapporteur::cli::run(&args));
}
