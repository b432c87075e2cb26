-- Files named *.un.txt or *.un.md are UN outcome documents (filetype un-outcome).
vim.filetype.add({
  pattern = {
    ['.*%.un%.txt'] = { 'un-outcome', { priority = 10 } },
    ['.*%.un%.md'] = { 'un-outcome', { priority = 10 } },
  },
})
