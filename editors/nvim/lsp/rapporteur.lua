-- Configuration of the rapporteur language server for Neovim 0.11+:
--
--   vim.lsp.enable('rapporteur')
--
-- with this directory (editors/nvim) on 'runtimepath'. Override any field with
-- vim.lsp.config('rapporteur', { cmd = { '/path/to/rapporteur', 'lsp' } }).
-- The server attaches to Markdown, plain-text and un-outcome buffers, with or
-- without a project root, and stays silent on files that are not UN documents.

---@type vim.lsp.Config
return {
  cmd = { 'rapporteur', 'lsp' },
  filetypes = { 'markdown', 'text', 'un-outcome' },
  -- Optional: a repository root becomes the workspace folder; a file outside
  -- any repository gets a client of its own with no workspace folder.
  root_markers = { '.git' },
  -- The settings the server reads (in initializationOptions and in
  -- workspace/didChangeConfiguration):
  --   language    "auto"|"zh"|"en"|"fr"|"es"|"ru"|"ar"
  --   diagnostics { ["code"] = "off"|"error"|"warning"|"information"|"hint" }
  --   detect      "auto"|"always"|"never": which Markdown/text files are checked
  --   include, exclude  globs of files always / never checked
  init_options = {
    rapporteur = { language = 'auto', diagnostics = vim.empty_dict(), detect = 'auto', include = {}, exclude = {} },
  },
  settings = {
    rapporteur = { language = 'auto', diagnostics = vim.empty_dict(), detect = 'auto', include = {}, exclude = {} },
  },
}
