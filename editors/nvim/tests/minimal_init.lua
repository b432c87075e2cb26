-- Init file for the headless test: only this plugin on 'runtimepath', no user
-- configuration (the runner points the XDG directories at a temporary folder).
local plugin = assert(vim.env.RAPPORTEUR_PLUGIN_DIR, 'RAPPORTEUR_PLUGIN_DIR is not set')
vim.opt.runtimepath:prepend(plugin)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.opt.more = false
-- Filetype detection (with the plugin's ftdetect/) is switched on after this file.
