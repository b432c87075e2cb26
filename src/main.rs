//! The `rapporteur` binary: argument dispatch only. `lsp` starts the
//! language server; everything else is the command line (`cli`).

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("lsp") {
        std::process::exit(rapporteur::lsp::run(&args[1..]));
    }
    std::process::exit(rapporteur::cli::run(&args));
}
