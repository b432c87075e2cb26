-- What the headless Neovim tests (lsp_test.lua, workspace_test.lua) share: the tally
-- of checks, their lines on standard output, and the end of a run (clients stopped,
-- counts written to $RAPPORTEUR_RESULTS, exit status 1 when a check failed).
--
--   local harness = dofile(<this folder> .. '/harness.lua').new('[enable utf-8] ')

local M = {}

function M.new(prefix)
  local counts = { passed = 0, failed = 0, skipped = 0, todo = 0 }
  local t = { counts = counts }

  function t.out(line)
    io.stdout:write(prefix .. line .. '\n')
    io.stdout:flush()
  end

  local function record(miss_kind, miss_label, name, ok, detail)
    if ok then
      counts.passed = counts.passed + 1
      t.out('ok     ' .. name)
    else
      counts[miss_kind] = counts[miss_kind] + 1
      t.out(miss_label .. name .. (detail and (': ' .. detail) or ''))
    end
    return ok
  end

  -- A check that must hold.
  function t.check(name, ok, detail)
    return record('failed', 'FAIL   ', name, ok, detail)
  end

  -- A check that this client cannot make here, and why.
  function t.skip(name, why)
    counts.skipped = counts.skipped + 1
    t.out('skip   ' .. name .. ': ' .. why)
  end

  -- A check of something not built yet: a miss is counted, not failed.
  function t.todo(name, ok, detail)
    record('todo', 'todo   ', name, ok, detail)
  end

  function t.finish()
    for _, client in ipairs(vim.lsp.get_clients()) do
      client:stop()
    end
    vim.wait(5000, function()
      return #vim.lsp.get_clients() == 0
    end, 50)
    t.out(string.format('%d passed, %d failed, %d skipped, %d todo', counts.passed, counts.failed, counts.skipped, counts.todo))
    if vim.env.RAPPORTEUR_RESULTS then
      local f = io.open(vim.env.RAPPORTEUR_RESULTS, 'a')
      if f then
        f:write(string.format('%d %d %d %d\n', counts.passed, counts.failed, counts.skipped, counts.todo))
        f:close()
      end
    end
    vim.cmd(counts.failed > 0 and 'cquit 1' or 'qall!')
  end

  return t
end

return M
