//! Zed extension for rapporteur: starts `rapporteur lsp` for Markdown and
//! plain-text buffers. The binary is `lsp.rapporteur.binary.path` from Zed's
//! settings when set, otherwise `rapporteur` found on the worktree's PATH; the
//! `initialization_options` and `settings` of `lsp.rapporteur` are passed on.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Rapporteur;

const SERVER: &str = "rapporteur";

impl zed::Extension for Rapporteur {
    fn new() -> Self {
        Rapporteur
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(SERVER, worktree).ok().and_then(|s| s.binary);
        let configured = binary.as_ref().and_then(|b| b.path.clone());
        let command = match configured.or_else(|| worktree.which(SERVER)) {
            Some(path) => path,
            None => {
                return Err("rapporteur was not found on PATH: install it (cargo install --path . in the rapporteur \
                            repository) or set lsp.rapporteur.binary.path in Zed's settings"
                    .to_string())
            }
        };
        let args = binary.as_ref().and_then(|b| b.arguments.clone()).unwrap_or_else(|| vec!["lsp".to_string()]);
        let env = binary.and_then(|b| b.env).map(|env| env.into_iter().collect()).unwrap_or_default();
        Ok(zed::Command { command, args, env })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(SERVER, worktree).ok().and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(SERVER, worktree).ok().and_then(|s| s.settings))
    }
}

zed::register_extension!(Rapporteur);
