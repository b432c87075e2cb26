-- Headless test of a two-document workspace in Neovim against the real `rapporteur lsp`:
-- a draft cites "paragraph 3 of the annex to document A/CONF.300/2026/3", the report
-- with that symbol is the other file of the folder (not open: the server indexes it
-- from disk), and go to definition on the reference opens the report at the paragraph.
--
-- Run by tests/run.sh, once per position encoding. Environment:
--   RAPPORTEUR_BIN        the server binary
--   RAPPORTEUR_WORKSPACE  the folder (a `.git` marker makes it the workspace root)
--   RAPPORTEUR_ENCODING   utf-8 or utf-16
-- Columns are Neovim byte columns; the line of the reference has non-ASCII characters
-- before it, so a wrong conversion would land the cursor off the reference.

local encoding = vim.env.RAPPORTEUR_ENCODING or 'utf-8'
local bin = assert(vim.env.RAPPORTEUR_BIN, 'RAPPORTEUR_BIN is not set')
local root = assert(vim.env.RAPPORTEUR_WORKSPACE, 'RAPPORTEUR_WORKSPACE is not set')
local TIMEOUT = tonumber(vim.env.RAPPORTEUR_TIMEOUT_MS or '') or 30000
local prefix = string.format('[workspace %s] ', encoding)

local harness = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/harness.lua').new(prefix)
local check, finish = harness.check, harness.finish

local function run()
  local capabilities = nil
  if encoding == 'utf-16' then
    capabilities = { general = { positionEncodings = { 'utf-16' } } }
  end
  vim.lsp.config('rapporteur', { cmd = { bin, 'lsp' }, capabilities = capabilities })
  vim.lsp.enable('rapporteur')

  local draft = root .. '/draft.txt'
  local report = root .. '/report.txt'
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local client
  vim.wait(TIMEOUT, function()
    client = vim.lsp.get_clients({ bufnr = buf, name = 'rapporteur' })[1]
    return client ~= nil and client.initialized
  end, 50)
  if not check('a rapporteur client attaches to the draft', client ~= nil and client.initialized) then
    return
  end
  check('position encoding ' .. encoding, client.offset_encoding == encoding, client.offset_encoding)
  check('the folder is the workspace', client.root_dir == root, tostring(client.root_dir))
  check('the report is not open (the server reads it from the folder)', vim.fn.bufnr(report) == -1)

  -- The cursor on the "3" of "paragraph 3 of the annex to document A/CONF.300/2026/3".
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local lnum, col
  for i, l in ipairs(lines) do
    local s = l:find('paragraph 3 of the annex', 1, true)
    if s then
      lnum, col = i, s - 1 + #'paragraph '
    end
  end
  if not check('the draft cites paragraph 3 of the annex to A/CONF.300/2026/3', lnum ~= nil) then
    return
  end
  -- The report's line "3. States undertake …" (the annex's paragraph 3, not the body's).
  local want
  for i, l in ipairs(vim.fn.readfile(report)) do
    if l:find('^3%. States undertake') then
      want = i
    end
  end

  -- The server indexes the folder in the background: ask until the jump leaves the draft.
  local landed = false
  local deadline = vim.uv.now() + TIMEOUT
  while vim.uv.now() < deadline do
    vim.api.nvim_set_current_buf(buf)
    vim.api.nvim_win_set_cursor(0, { lnum, col })
    vim.lsp.buf.definition()
    landed = vim.wait(2000, function()
      return vim.api.nvim_buf_get_name(0) == report
    end, 50)
    if landed then
      break
    end
  end
  check('go to definition opens the other document (report.txt)', landed, vim.api.nvim_buf_get_name(0))
  if landed then
    local cursor = vim.api.nvim_win_get_cursor(0)
    local text = vim.api.nvim_get_current_line()
    check(
      string.format('… at paragraph 3 of its annex (line %s)', tostring(want)),
      cursor[1] == want and cursor[2] == 0,
      string.format('line %d col %d: %s', cursor[1], cursor[2], text)
    )
    -- The client attached to the report too, and it cites nothing back: no jump.
    local other = vim.api.nvim_get_current_buf()
    check(
      'the client attaches to the report it opened',
      vim.wait(TIMEOUT, function()
        return vim.lsp.get_clients({ bufnr = other, name = 'rapporteur' })[1] ~= nil
      end, 50)
    )
    -- Back again: the jump list returns to the reference.
    vim.cmd('execute "normal! \\<C-o>"')
    local back = vim.api.nvim_win_get_cursor(0)
    check('Ctrl-O returns to the reference in the draft',
      vim.api.nvim_buf_get_name(0) == draft and back[1] == lnum,
      string.format('%s %d', vim.api.nvim_buf_get_name(0), back[1]))
  end
end

local ok, err = pcall(run)
if not ok then
  check('the test ran to the end', false, tostring(err))
end
finish()
