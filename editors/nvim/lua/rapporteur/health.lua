-- :checkhealth rapporteur
local M = {}

function M.check()
  local health = vim.health
  health.start('rapporteur language server')

  local v = vim.version()
  local version = string.format('%d.%d.%d', v.major, v.minor, v.patch)
  if vim.fn.has('nvim-0.11') == 1 then
    health.ok('Neovim ' .. version .. ': vim.lsp.config/vim.lsp.enable available')
  elseif vim.fn.has('nvim-0.10') == 1 then
    health.ok('Neovim ' .. version .. ': require("rapporteur").setup{} starts the server with vim.lsp.start')
  else
    health.error('Neovim 0.10 or later is needed', { 'Upgrade Neovim' })
  end

  local rapporteur = require('rapporteur')
  local bin = rapporteur.binary()
  local cmd = type(bin.cmd) == 'table' and table.concat(bin.cmd, ' ') or tostring(bin.cmd)
  if not bin.path then
    health.error('rapporteur binary not found: `' .. tostring(bin.executable) .. '` is not an executable on PATH', {
      'Install it from a checkout of rapporteur: cargo install --path .',
      "Or point at it: vim.lsp.config('rapporteur', { cmd = { '/path/to/rapporteur', 'lsp' } })",
      "or require('rapporteur').setup({ cmd = { '/path/to/rapporteur', 'lsp' } })",
    })
    return
  end
  health.ok('binary found: ' .. bin.path .. ' (command: ' .. cmd .. ')')
  if bin.version then
    if bin.version:match('^rapporteur %d+%.%d+%.%d+') then
      health.ok('version: ' .. bin.version)
    else
      health.warn('unexpected --version output: ' .. bin.version, { 'Is this the rapporteur checker?' })
    end
  else
    health.error('`' .. bin.path .. ' --version` failed: ' .. tostring(bin.error))
  end

  local enabled = rapporteur.options ~= nil
    or (vim.lsp.is_enabled ~= nil and vim.lsp.is_enabled(rapporteur.name))
  if enabled then
    health.ok('language server enabled for filetypes markdown, text, un-outcome')
  else
    health.warn('language server not enabled', {
      "Call vim.lsp.enable('rapporteur') (Neovim 0.11+) or require('rapporteur').setup({})",
    })
  end

  local clients = vim.lsp.get_clients({ name = rapporteur.name })
  if #clients > 0 then
    for _, client in ipairs(clients) do
      health.info(
        string.format('client %d running, position encoding %s, %d buffer(s)', client.id, client.offset_encoding or '?',
          vim.tbl_count(client.attached_buffers or {}))
      )
    end
  else
    health.info('no client running (one starts when a Markdown, text or un-outcome buffer is opened)')
  end
end

return M
