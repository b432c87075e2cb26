-- rapporteur: the :RapporteurInfo command, and how the server's semantic tokens
-- look in Markdown, text and un-outcome buffers (default links, which a
-- colour scheme or the user may override).
if vim.g.loaded_rapporteur then
  return
end
vim.g.loaded_rapporteur = true

vim.api.nvim_create_user_command('RapporteurInfo', function()
  require('rapporteur').info()
end, { desc = 'Show the rapporteur language server binary, version and clients' })

-- Token types and modifiers of the rapporteur legend (see docs/editors.md),
-- linked per file type so that other servers' tokens are not affected.
local links = {
  ['@lsp.typemod.namespace.declaration'] = 'Title', -- annex, part, section headings
  ['@lsp.typemod.class.declaration'] = 'Title', -- subsection and subheadings
  ['@lsp.typemod.number.declaration'] = 'Number', -- paragraph numbers
  ['@lsp.typemod.enumMember.declaration'] = 'Number', -- subparagraph markers
  ['@lsp.type.property'] = 'Identifier', -- internal references
  ['@lsp.mod.broken'] = 'DiagnosticUnderlineError', -- broken internal references, unknown SDG targets
  ['@lsp.mod.ambiguous'] = 'DiagnosticUnderlineWarn', -- ambiguous internal references
  ['@lsp.typemod.type.external'] = 'Type', -- resolutions
  ['@lsp.typemod.macro.external'] = 'Constant', -- document symbols
  ['@lsp.typemod.string.external'] = 'String', -- instruments
  ['@lsp.typemod.enum.external'] = 'Special', -- SDG goals and targets
  ['@lsp.type.keyword'] = 'Keyword', -- recorded-vote keywords
}

local function set_links()
  for _, ft in ipairs({ 'markdown', 'text', 'un-outcome' }) do
    for group, target in pairs(links) do
      vim.api.nvim_set_hl(0, group .. '.' .. ft, { link = target, default = true })
    end
  end
end

set_links()
vim.api.nvim_create_autocmd('ColorScheme', {
  group = vim.api.nvim_create_augroup('rapporteur_highlights', { clear = true }),
  callback = set_links,
  desc = 'rapporteur: semantic token highlights',
})
