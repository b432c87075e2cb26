" Highlighting for UN outcome documents (filetype un-outcome: *.un.txt, *.un.md).
" A small subset of grammars/un-outcome.tmLanguage.json; the language server's
" semantic tokens, where the server sends them, take precedence.
if exists('b:current_syntax')
  finish
endif

syn case match

" Headings: annex, section/chapter, subsection, numbered and lettered subheadings
syn match unAnnex      /^\s*\(Annex\|Annexe\|Anexo\|Приложение\|附件\|المرفق\)\(\s*\([IVX]\+\|\d\+\|[一二三四五六七八九十]\+\|الأول\|الثاني\|الثالث\)\)\=\s*$/
" (a later match wins where two start at the same place: sections after subsections)
syn match unSubsection /^\s*\([A-Z]\|[А-Я]\)[.．]\s*\S.*$/
syn match unSubsection /^\s*\(ألف\|باء\|جيم\|دال\|هاء\|واو\|زاي\|حاء\|طاء\|ياء\)\s*[-–.]\s*\S.*$/
syn match unSection    /^\s*\(\(X\{0,3}\(IX\|IV\|V\=I\{1,3}\|V\)\|X\{1,3}\)\.\s\+\S.*\|[一二三四五六七八九十]\+[.．、]\s*\S.*\|第[一二三四五六七八九十]\+章.*\|\(Chapter\|Chapitre\|Capítulo\|Глава\)\s\+[IVX0-9]\+.*\|الفصل\s\+\S\+.*\|\(أولا\|ثانيا\|ثالثا\|رابعا\|خامسا\|سادسا\|سابعا\|ثامنا\|تاسعا\|عاشرا\)ً\=\s*[-–].*\)$/
syn match unSubheading /^\s*\d\{1,2}\(\.\|\s*[-–]\)\s*[^ (（].\{,100}[^.。;；:：,，!?！？،؛]$/
syn match unSubheading /^\s*\([(（]\([a-z]\|[ivx]\+\)[)）]\|[a-zа-я])\)\s*\S.\{,80}[^.。;；:：,，!?！？،؛]$/

" Paragraph numbers and subparagraph markers at the start of a line
syn match unParagraph    /^\s*\zs\d\{1,3}\ze\.\(\d\)\@!/
syn match unParagraph    /^\s*\zs\d\{1,3}\ze\s*[-–]\s/
syn match unSubparagraph /^\s*\(-\s\+\)\=\zs\([(（]\([a-z]\{1,2}\|[ivx]\+\|[а-я]\|[أبجدهوزحطي]\|هـ\)[)）]\|\([a-z]\|[ivx]\+\|[а-я]\))\)/

" Vote lists and recorded votes
syn match unVote /^\s*\zs\(In favour\|Against\|Abstaining\|赞成\|反对\|弃权\|Votent pour\|Votent contre\|S['’]abstiennent\|Votos a favor\|Votos en contra\|Abstenciones\|Голосовали за\|Голосовали против\|Воздержались\|المؤيدون\|المعارضون\|الممتنعون\)[ \u00a0]*[:：]/
syn match unVote /recorded vote\|without a vote\|记录表决\|vote enregistré\|votación registrada\|заносимым в отч[её]т голосованием\|تصويت مسجل/

" External references: document symbols, resolutions; instruments and quotations
syn match unSymbol     /\(\<\|[^A-Za-z0-9/.]\)\zs[A-Z]\{1,8}\(\/[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]\)\+/
syn match unSymbol     /\(\<\|[^A-Za-z0-9/.]\)\zs[A-Z]\{1,8}\(\/[A-Za-z0-9]\)\+/
syn match unResolution /\c\(resolutions\=\|résolutions\=\|resoluci[oó]n\|резолюци\S*\|القرار\|قرار\)\s\+\[\=\d\{1,4}\(\/\d\{1,4}\|\s\=(\d\{4})\|\s\=([IVXLC]\+)\)\]\=/
syn match unResolution /第\s*\[\=\d\{1,4}\(\/\d\{1,4}\|\s\=(\d\{4})\)\]\=\((#)\)\=\s*号决议/
syn match unInstrument /《[^《》]*》/
syn match unInstrument /“[^“”]*”/
syn match unInstrument /«[^«»]*»/

" Internal references
syn match unReference /\(第\s*[一二三四五六七八九十]\+\s*[节章]\)\=第\s*\(\d\+\|[一二三四五六七八九十百]\+\)\(\s*\(至\|和\|、\)\s*\d\+\)*\(\s*[(（][a-z]\{1,4}[)）]\)*\s*\(段\|分段\|条\)/
syn match unReference /附件[一二三四五六七八九十]\+/
syn match unReference /\c\<\(paragraphs\=\|subparagraphs\=\|paragraphes\=\|párrafos\=\|пункт\S\{,3}\)\s\+\d\+\(\s\=([a-z]\{1,4})\)*\(\s\+of\s\+section\s\+[IVX]\+\)\=/
syn match unReference /\<\([Ss]ections\=\|[Aa]nnex\|[Cc]hapter\|sección\|annexe\|anexo\|раздел\S\{,3}\)\s\+[IVX]\+\>/
syn match unReference /الفقرة\(\s\+الفرعية\)\=\s\+\(\d\+\|([أبجد])\)/

hi def link unAnnex        Title
hi def link unSection      Title
hi def link unSubsection   Title
hi def link unSubheading   Statement
hi def link unParagraph    Number
hi def link unSubparagraph Number
hi def link unVote         Keyword
hi def link unSymbol       Constant
hi def link unResolution   Constant
hi def link unInstrument   String
hi def link unReference    Identifier

let b:current_syntax = 'un-outcome'
