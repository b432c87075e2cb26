//! The `rapporteur` binary: everything is dispatched by `cli::run`
//! (`lsp` starts the language server; the other commands are the command line).

fn main() {
    // Allocator settings (glibc: arenas, large blocks): see `cli::allocator`.
    rapporteur::cli::allocator::configure();
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(rapporteur::cli::run(&args));
}
