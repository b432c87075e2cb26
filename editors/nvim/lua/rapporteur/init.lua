-- rapporteur for Neovim: starts `rapporteur lsp` on Markdown, plain-text and
-- un-outcome buffers.
--
--   require('rapporteur').setup({})                  -- defaults
--   require('rapporteur').setup({
--     cmd = { '/path/to/rapporteur', 'lsp' },
--     language = 'zh',                                -- or 'auto' (default)
--     diagnostics = { ['vote.duplicate'] = 'error', ['structure.inline-heading'] = 'off' },
--     detect = 'auto',                                -- 'always' | 'never'
--     exclude = { '**/README.md' },
--     display = { virtual_text = true },               -- show the messages in the text
--   })
--
-- On Neovim 0.11+ this goes through vim.lsp.config()/vim.lsp.enable() (the
-- same configuration as lsp/rapporteur.lua); on 0.10 it starts the client
-- with vim.lsp.start() from a FileType autocommand.

local M = {}

M.name = 'rapporteur'

--- Defaults of setup(); every field can be overridden.
M.defaults = {
  --- The server command; the binary is looked up on PATH.
  cmd = { 'rapporteur', 'lsp' },
  filetypes = { 'markdown', 'text', 'un-outcome' },
  --- Markers of a workspace root; a file outside any gets a client without one.
  root_markers = { '.git' },
  --- 'auto' | 'zh' | 'en' | 'fr' | 'es' | 'ru' | 'ar'
  language = 'auto',
  --- code -> 'off' | 'error' | 'warning' | 'information' | 'hint'
  diagnostics = {},
  --- Which Markdown and text files the server checks: 'auto' (those that look
  --- like UN documents), 'always', 'never' (only un-outcome files, include
  --- globs and files marked <!-- rapporteur: on -->).
  detect = 'auto',
  --- Globs, relative to the workspace root, of files always / never checked.
  include = {},
  exclude = {},
  --- Extra client capabilities, merged over Neovim's defaults.
  capabilities = nil,
  --- function(client, bufnr), called when the client attaches to a buffer.
  on_attach = nil,
  --- Use vim.lsp.start() from a FileType autocommand even on 0.11+.
  legacy = false,
  --- How rapporteur's diagnostics are shown: a vim.diagnostic.Opts table given to
  --- vim.diagnostic.config() for rapporteur's namespaces only, so that other servers
  --- keep the global settings. Neovim 0.11 shows a diagnostic only as a sign and an
  --- underline; { virtual_text = true } adds its message at the end of the line,
  --- { virtual_lines = true } (0.11+) on lines of its own below it. nil: leave
  --- Neovim's settings alone. (<C-w>d opens the cursor line's messages in a float.)
  display = nil,
}

--- The options of the last setup() call (nil before).
M.options = nil

local function has_config_api()
  return vim.lsp.config ~= nil and vim.lsp.enable ~= nil and vim.fn.has('nvim-0.11') == 1
end

--- The settings object the server reads, as
--- { rapporteur = { language, diagnostics, detect, include, exclude } }.
--- An empty diagnostics table is sent as a JSON object, not an array.
function M.server_settings(opts)
  opts = opts or M.options or M.defaults
  local diagnostics = opts.diagnostics
  if diagnostics == nil or vim.tbl_isempty(diagnostics) then
    diagnostics = vim.empty_dict()
  end
  return {
    rapporteur = {
      language = opts.language or 'auto',
      diagnostics = diagnostics,
      detect = opts.detect or 'auto',
      include = opts.include or {},
      exclude = opts.exclude or {},
    },
  }
end

--- The client configuration built from options (the shape of vim.lsp.Config).
function M.lsp_config(opts)
  opts = opts or M.options or M.defaults
  local settings = M.server_settings(opts)
  return {
    name = M.name,
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    init_options = settings,
    settings = settings,
    capabilities = opts.capabilities,
    on_attach = opts.on_attach,
  }
end

--- Starts (or reuses) the client for one buffer with vim.lsp.start(); the
--- route taken on Neovim 0.10, and on 0.11+ with `legacy = true`.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local config = M.lsp_config()
  local markers = config.root_markers
  config.root_markers = nil
  config.filetypes = nil
  if markers and #markers > 0 and vim.fs.root then
    config.root_dir = vim.fs.root(bufnr, markers)
  end
  return vim.lsp.start(config, { bufnr = bufnr })
end

--- The diagnostic namespaces of a rapporteur client (pushed and pulled diagnostics).
function M.namespaces(client_id)
  return {
    vim.lsp.diagnostic.get_namespace(client_id, false),
    vim.lsp.diagnostic.get_namespace(client_id, true),
  }
end

--- Applies the `display` option to a rapporteur client's namespaces.
function M.apply_display(client)
  local display = M.options and M.options.display
  if display == nil or client == nil or client.name ~= M.name then
    return
  end
  for _, ns in ipairs(M.namespaces(client.id)) do
    vim.diagnostic.config(vim.deepcopy(display), ns)
  end
end

--- Configures and enables the client. Safe to call again with new options.
function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  local options = M.options
  if vim.fn.has('nvim-0.10') == 0 then
    vim.notify('rapporteur: Neovim 0.10 or later is needed', vim.log.levels.ERROR)
    return
  end
  local group = vim.api.nvim_create_augroup('rapporteur_lsp', { clear = true })
  if options.display ~= nil then
    vim.api.nvim_create_autocmd('LspAttach', {
      group = group,
      callback = function(args)
        M.apply_display(vim.lsp.get_client_by_id(args.data.client_id))
      end,
      desc = 'rapporteur: how its diagnostics are shown (the display option)',
    })
    for _, client in ipairs(vim.lsp.get_clients({ name = M.name })) do
      M.apply_display(client)
    end
  end
  if has_config_api() and not options.legacy then
    local config = M.lsp_config(options)
    config.name = nil
    vim.lsp.config(M.name, config)
    vim.lsp.enable(M.name)
    return
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = options.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
    desc = 'Start the rapporteur language server',
  })
  -- Buffers that were opened before setup().
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(options.filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

--- The server binary named by the configuration: its command, where it is,
--- and the version it prints.
function M.binary()
  local cmd = (M.options and M.options.cmd) or M.defaults.cmd
  if has_config_api() and not (M.options and M.options.legacy) then
    local ok, config = pcall(function()
      return vim.lsp.config[M.name]
    end)
    if ok and config and type(config.cmd) == 'table' then
      cmd = config.cmd
    end
  end
  local exe = type(cmd) == 'table' and cmd[1] or nil
  local path = exe and vim.fn.exepath(exe) or ''
  local info = { cmd = cmd, executable = exe, path = path ~= '' and path or nil }
  if info.path then
    local ok, result = pcall(function()
      return vim.system({ info.path, '--version' }, { text = true }):wait(5000)
    end)
    if ok and result and result.code == 0 then
      info.version = vim.trim(result.stdout or '')
    else
      info.error = ok and result and vim.trim((result.stderr or '') .. ' (exit ' .. tostring(result.code) .. ')')
        or tostring(result)
    end
  end
  return info
end

--- Lines describing the binary and the clients attached to a buffer.
function M.info_lines(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local lines = {}
  local bin = M.binary()
  local cmd = type(bin.cmd) == 'table' and table.concat(bin.cmd, ' ') or tostring(bin.cmd)
  table.insert(lines, 'rapporteur')
  table.insert(lines, '  command:  ' .. cmd)
  table.insert(lines, '  binary:   ' .. (bin.path or ('not found: ' .. tostring(bin.executable) .. ' is not on PATH')))
  if bin.version then
    table.insert(lines, '  version:  ' .. bin.version)
  elseif bin.error then
    table.insert(lines, '  version:  failed: ' .. bin.error)
  end
  local route = 'not set up (call vim.lsp.enable("rapporteur") or require("rapporteur").setup{})'
  if M.options then
    route = (has_config_api() and not M.options.legacy) and 'vim.lsp.enable' or 'vim.lsp.start (FileType autocommand)'
  elseif has_config_api() and vim.lsp.is_enabled and vim.lsp.is_enabled(M.name) then
    route = 'vim.lsp.enable'
  end
  table.insert(lines, '  setup:    ' .. route)
  table.insert(lines, '  filetype: ' .. (vim.bo[bufnr].filetype ~= '' and vim.bo[bufnr].filetype or '(none)'))
  local clients = vim.lsp.get_clients({ name = M.name, bufnr = bufnr })
  if #clients == 0 then
    table.insert(lines, '  client:   none attached to this buffer')
  end
  for _, client in ipairs(clients) do
    local server = client.server_info or {}
    table.insert(
      lines,
      string.format(
        '  client:   id %d, %s %s, position encoding %s, root %s',
        client.id,
        server.name or '?',
        server.version or '',
        client.offset_encoding or '?',
        client.root_dir or '(none: single file)'
      )
    )
    local ns = vim.lsp.diagnostic.get_namespace(client.id)
    local diags = vim.diagnostic.get(bufnr, { namespace = ns })
    local counts = {}
    for _, d in ipairs(diags) do
      local code = d.code and tostring(d.code) or '?'
      counts[code] = (counts[code] or 0) + 1
    end
    local parts = {}
    for code, n in pairs(counts) do
      table.insert(parts, code .. ' ' .. n)
    end
    table.sort(parts)
    table.insert(
      lines,
      '  diagnostics: ' .. #diags .. (#parts > 0 and (' (' .. table.concat(parts, ', ') .. ')') or '')
    )
  end
  return lines
end

--- :RapporteurInfo
function M.info()
  vim.api.nvim_echo({ { table.concat(M.info_lines(0), '\n') } }, true, {})
end

return M
