;;; eglot-test.el --- Batch test of the README's Eglot set-up against `rapporteur lsp'  -*- lexical-binding: t; -*-

;; Run by tests/run.sh as
;;   emacs --batch -l eglot-test.el
;; with `rapporteur' on PATH (the README's configuration names it so) and the
;; environment variables:
;;   RAPPORTEUR_REPO     the repository (README.md, docs/editors.md, editors/emacs/rapporteur.el)
;;   RAPPORTEUR_SEED     the seed report (examples/A-CONF.192-2018-RC-3_zh.txt)
;;   RAPPORTEUR_EXPECTED the server's diagnostics on the seed: `rapporteur check --format json' output
;;   RAPPORTEUR_TMP      a scratch directory outside any project
;;
;; The configuration under test is the elisp block of README.md's "Emacs (Eglot)"
;; section, evaluated as a user's init file would; it must read the same as
;; docs/editors.md's block and editors/emacs/rapporteur.el.  Eglot's commands are
;; driven as a user would drive them: `find-file' (the mode hooks call
;; `eglot-ensure', which connects from `post-command-hook'), Flymake's diagnostics,
;; `xref-find-definitions' (M-.), `eldoc' (M-x eldoc), `xref-find-references' (M-?).
;; Prints one line per check and "N passed, N failed"; exits 1 when a check failed.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'json)

(defvar rt-passed 0)
(defvar rt-failed 0)
(defconst rt-timeout 60 "Seconds to wait for the server before a check fails.")

(defun rt-env (name)
  (or (getenv name) (error "%s is not set" name)))

(defun rt-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun rt-check (name ok &optional detail)
  (if ok
      (progn (setq rt-passed (1+ rt-passed)) (rt-out "ok     %s" name))
    (setq rt-failed (1+ rt-failed))
    (rt-out "FAIL   %s%s" name (if detail (format ": %s" detail) "")))
  ok)

(defun rt-wait (pred &optional seconds)
  "Run the event loop until PRED returns non-nil or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) (or seconds rt-timeout)))
        value)
    (while (and (not (setq value (funcall pred)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun rt-settle (seconds)
  "Let timers and process output run for SECONDS."
  (let ((deadline (+ (float-time) seconds)))
    (while (< (float-time) deadline)
      (accept-process-output nil 0.05))))

(defun rt-command (command &rest args)
  "Run COMMAND as the command loop does, with ARGS or else interactively.
Then run `post-command-hook', where `eglot-ensure' connects."
  (let ((this-command command)
        (real-this-command command))
    (if args (apply command args) (call-interactively command))
    (run-hooks 'post-command-hook)))

;;; What the client sends, recorded from the wire.

(defvar rt-sent nil "List of (METHOD . PARAMS) sent to servers, newest first.")

(advice-add 'jsonrpc-connection-send :before
            (lambda (_connection &rest args)
              (let ((method (plist-get args :method)))
                (when method
                  (push (cons (string-remove-prefix ":" (format "%s" method))
                              (plist-get args :params))
                        rt-sent)))))

(defvar rt-published (make-hash-table :test 'equal)
  "File name -> number of diagnostics in the last publishDiagnostics for it.")

(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (puthash (file-truename (eglot--uri-to-path (plist-get params :uri)))
                         (length (plist-get params :diagnostics))
                         rt-published))))

(defun rt-did-open (file)
  "The params of the textDocument/didOpen sent for FILE."
  (cl-loop for (method . params) in rt-sent
           when (and (string= method "textDocument/didOpen")
                     (string= (file-truename
                               (eglot--uri-to-path
                                (plist-get (plist-get params :textDocument) :uri)))
                              (file-truename file)))
           return params))

;;; The configuration blocks.

(defun rt-block (file heading)
  "The text of the first ```elisp block after HEADING (a whole line) in FILE."
  (with-temp-buffer
    (insert-file-contents file)
    (goto-char (point-min))
    (if (not (re-search-forward (concat "^" (regexp-quote heading) "$") nil t))
        nil
      (when (re-search-forward "^```elisp$" nil t)
        (forward-line 1)
        (let ((start (point)))
          (when (re-search-forward "^```$" nil t)
            (buffer-substring-no-properties start (match-beginning 0))))))))

(defun rt-forms (text)
  "Every form in TEXT, read."
  (with-temp-buffer
    (insert text)
    (goto-char (point-min))
    (let (forms)
      (condition-case nil
          (while t (push (read (current-buffer)) forms))
        (end-of-file nil))
      (nreverse forms))))

;;; Diagnostics.

(defun rt-utf16-column (pos)
  "The LSP (UTF-16) column of POS."
  (save-excursion
    (goto-char pos)
    (/ (length (encode-coding-string
                (buffer-substring-no-properties (line-beginning-position) pos)
                'utf-16le))
       2)))

(defun rt-diag-code (diag)
  "The code in Eglot's text \"source [code]: message\" of DIAG."
  (let ((text (flymake-diagnostic-text diag)))
    (and (string-match "\\[\\([a-z.-]+\\)\\]" text) (match-string 1 text))))

(defun rt-diag-summary (diag)
  "(LINE COLUMN END-LINE END-COLUMN CODE TYPE) of DIAG: 1-based line, UTF-16 column."
  (let ((beg (flymake-diagnostic-beg diag))
        (end (flymake-diagnostic-end diag)))
    (list (line-number-at-pos beg) (rt-utf16-column beg)
          (line-number-at-pos end) (rt-utf16-column end)
          (rt-diag-code diag) (flymake-diagnostic-type diag))))

(defun rt-sorted-diags ()
  (sort (mapcar #'rt-diag-summary (flymake-diagnostics))
        (lambda (a b) (or (< (car a) (car b))
                          (and (= (car a) (car b)) (< (cadr a) (cadr b)))))))

(defun rt-expected-diags (json-file)
  "Diagnostics of the only file in JSON-FILE, summarised as `rt-diag-summary' does."
  (let* ((json-object-type 'alist) (json-array-type 'list) (json-key-type 'symbol)
         (data (json-read-file json-file))
         (diags (alist-get 'diagnostics (car (alist-get 'files data)))))
    (mapcar (lambda (d)
              (let-alist d
                (list (1+ .range.start.line) .range.start.character
                      (1+ .range.end.line) .range.end.character
                      .code
                      (pcase .severity
                        ("error" 'eglot-error) ("warning" 'eglot-warning)
                        (_ 'eglot-note)))))
            diags)))

(defun rt-goto (line text &optional offset)
  "Put point on LINE at the start of TEXT (plus OFFSET characters); non-nil when found."
  (goto-char (point-min))
  (forward-line (1- line))
  (when (search-forward text (line-end-position) t)
    (goto-char (+ (match-beginning 0) (or offset 0)))
    t))

(defun rt-open (file)
  "Visit FILE as `C-x C-f' does; Eglot connects after the command.
Then one more command, as any key press: Flymake, switched on while
Eglot connected, starts its backends after the next command."
  (rt-command #'find-file file)
  (let ((buffer (or (find-buffer-visiting file) (error "%s was not visited" file))))
    (with-current-buffer buffer
      (rt-wait #'eglot-managed-p))
    (rt-command #'ignore)
    buffer))

;;; The test.

(defun rt-run ()
  (let* ((repo (rt-env "RAPPORTEUR_REPO"))
         (seed (rt-env "RAPPORTEUR_SEED"))
         (tmp (rt-env "RAPPORTEUR_TMP"))
         (readme-file (expand-file-name "README.md" repo))
         (readme-block (rt-block readme-file "### Emacs (Eglot)"))
         (docs-block (rt-block (expand-file-name "docs/editors.md" repo) "## Emacs (Eglot)"))
         (el-forms (with-temp-buffer
                     (insert-file-contents (expand-file-name "editors/emacs/rapporteur.el" repo))
                     (rt-forms (buffer-string)))))
    (rt-out "emacs test: GNU Emacs %s, Eglot %s, markdown-mode %s"
            emacs-version
            (let ((lib (locate-library "eglot")))
              (and lib (file-name-nondirectory (directory-file-name (file-name-directory lib)))))
            (let ((lib (locate-library "markdown-mode")))
              (and lib (file-name-nondirectory (directory-file-name (file-name-directory lib))))))

    ;; 1. The configuration: one text in three places, evaluated as an init file.
    (unless (rt-check "README.md has an elisp block under \"### Emacs (Eglot)\"" readme-block)
      (error "no configuration to test"))
    (rt-check "docs/editors.md shows the same configuration as README.md"
              (equal (rt-forms readme-block) (and docs-block (rt-forms docs-block))))
    (rt-check "editors/emacs/rapporteur.el holds the same configuration"
              (equal (append (rt-forms readme-block) '((provide 'rapporteur))) el-forms))
    ;; Emacs activates the installed packages before it reads the init file (not
    ;; in batch mode, so here by hand): Eglot's and markdown-mode's autoloads.
    (package-activate-all)
    (rt-check "Eglot is not loaded before the configuration" (not (featurep 'eglot)))
    (eval (cons 'progn (rt-forms readme-block)) t)
    (rt-check "the configuration loads without loading Eglot" (not (featurep 'eglot)))

    ;; 2. Modes and servers, before any file is opened.
    (rt-check "*.un.txt opens in un-outcome-mode"
              (eq (assoc-default "/tmp/draft.un.txt" auto-mode-alist #'string-match) 'un-outcome-mode))
    (rt-check "*.un.md opens in un-outcome-mode"
              (eq (assoc-default "/tmp/draft.un.md" auto-mode-alist #'string-match) 'un-outcome-mode))
    (rt-check "*.md opens in markdown-mode"
              (eq (assoc-default "/tmp/draft.md" auto-mode-alist #'string-match) 'markdown-mode))
    (require 'eglot)
    ;; (derived modes are known once loaded)
    (dolist (feature '(markdown-mode tex-mode sgml-mode texinfo))
      (require feature))
    (cl-flet ((lookup (mode) (eglot--lookup-mode mode)))
      (pcase-dolist (`(,mode ,id) '((text-mode "plaintext") (markdown-mode "markdown")
                                    (gfm-mode "markdown") (un-outcome-mode "un-outcome")))
        (let ((found (lookup mode)))
          (rt-check (format "Eglot starts rapporteur for %s, language id %s" mode id)
                    (and (equal (nth 2 found) '("rapporteur" "lsp")) (equal (nth 1 found) id))
                    (format "%S" found))))
      ;; Modes derived from text-mode that Eglot already knows keep their servers.
      (dolist (mode '(latex-mode html-mode texinfo-mode))
        (let ((found (lookup mode)))
          (rt-check (format "%s (derived from text-mode) keeps its own server" mode)
                    (and (provided-mode-derived-p mode 'text-mode)
                         found (not (equal (nth 2 found) '("rapporteur" "lsp"))))
                    (format "%S" found)))))

    ;; 3. The seed: diagnostics through Flymake.
    (let ((buffer (rt-open seed))
          (expected (rt-expected-diags (rt-env "RAPPORTEUR_EXPECTED"))))
      (with-current-buffer buffer
        (rt-check "the seed opens in text-mode" (eq major-mode 'text-mode) (format "%s" major-mode))
        (rt-check "Eglot manages the seed" (rt-wait #'eglot-managed-p) "not managed")
        (let ((open (rt-did-open seed)))
          (rt-check "didOpen sends language id plaintext"
                    (equal (plist-get (plist-get open :textDocument) :languageId) "plaintext")
                    (format "%S" (plist-get (plist-get open :textDocument) :languageId))))
        (let ((conf (cl-find "workspace/didChangeConfiguration" rt-sent :key #'car :test #'string=)))
          (rt-check "the settings reach the server as {\"rapporteur\":{\"language\":\"auto\",\"detect\":\"auto\"}}"
                    (and conf (equal (json-encode (plist-get (cdr conf) :settings))
                                     "{\"rapporteur\":{\"language\":\"auto\",\"detect\":\"auto\"}}"))
                    (format "%S" (cdr conf))))
        (rt-check "Flymake is on" (bound-and-true-p flymake-mode))
        (rt-wait (lambda () (>= (length (flymake-diagnostics)) (length expected))))
        (rt-settle 0.5)
        (let ((got (rt-sorted-diags)))
          (rt-check (format "Flymake shows the server's %d diagnostics (rapporteur check --format json), at the same lines and UTF-16 columns"
                            (length expected))
                    (equal got expected)
                    (format "\n  got      %S\n  expected %S" got expected))
          ;; The lines the README and docs/editors.md quote.
          (pcase-dolist (`(,line ,col ,code ,type)
                         '((94 489 "list.duplicate" eglot-warning)
                           (114 249 "vote.duplicate" eglot-warning)
                           (146 70 "vote.duplicate" eglot-warning)
                           (156 62 "reference.annex-number" eglot-warning)
                           (160 239 "vote.duplicate" eglot-warning)
                           (174 49 "structure.inline-heading" eglot-note)))
            (rt-check (format "%s %s at line %d, column %d" type code line (1+ col))
                      (cl-find-if (lambda (d) (and (= (nth 0 d) line) (= (nth 1 d) col)
                                                   (equal (nth 4 d) code) (eq (nth 5 d) type)))
                                  got))))
        (let ((annex (cl-find-if (lambda (d) (equal (rt-diag-code d) "reference.annex-number"))
                                 (flymake-diagnostics))))
          (rt-check "the annex-number diagnostic underlines 附件一"
                    (and annex (equal (buffer-substring-no-properties
                                       (flymake-diagnostic-beg annex) (flymake-diagnostic-end annex))
                                      "附件一")))
          (rt-check "its message reads \"rapporteur [reference.annex-number]: `附件一` cites annex I …\""
                    (and annex (string-prefix-p "rapporteur [reference.annex-number]: `附件一` cites annex I"
                                                (flymake-diagnostic-text annex)))
                    (and annex (flymake-diagnostic-text annex))))

        ;; 4. M-. on 第一节第 16 段 (line 110) goes to paragraph 16 of section I of the annex.
        (rt-check "line 110 has 第一节第 16 段" (rt-goto 110 "第一节第 16 段" 5))
        (rt-command #'xref-find-definitions)
        (rt-check "M-. jumps to line 206 in the seed"
                  (and (eq (current-buffer) buffer) (= (line-number-at-pos) 206))
                  (format "%s:%d" (buffer-name) (line-number-at-pos)))
        (rt-check "…to the number of paragraph 16" (looking-at "16\\. 我们欢迎") (buffer-substring (point) (min (point-max) (+ (point) 12))))

        ;; 5. M-x eldoc on the same reference: the hover.
        (rt-goto 110 "第一节第 16 段" 5)
        (let ((docs nil))
          (let ((eldoc-display-functions
                 (list (lambda (items _interactive) (setq docs (mapconcat #'car items "\n"))))))
            (rt-command #'eldoc)
            (rt-wait (lambda () docs) 10))
          (rt-check "M-x eldoc shows the cited paragraph: Annex, section I, paragraph 16"
                    (and docs (string-match-p "Annex, section I, paragraph 16" docs)
                         (string-match-p "我们欢迎以协商一致方式通过" docs))
                    (format "%S" docs)))

        ;; 6. M-? on paragraph 16's number lists the places citing it.
        (rt-goto 206 "16." 0)
        (let ((refs (ignore-errors
                      (xref-backend-references 'eglot (xref-backend-identifier-at-point 'eglot)))))
          (rt-check "M-? on paragraph 16 finds the reference on line 110"
                    (cl-some (lambda (x)
                               (let ((loc (xref-item-location x)))
                                 (= (xref-file-location-line loc) 110)))
                             refs)
                    (format "%d references" (length refs))))))

    ;; 7. The project's README: Markdown, not a UN document, no diagnostics.
    (let ((buffer (rt-open readme-file)))
      (with-current-buffer buffer
        (rt-check "README.md opens in markdown-mode" (eq major-mode 'markdown-mode) (format "%s" major-mode))
        (rt-check "Eglot manages README.md" (rt-wait #'eglot-managed-p) "not managed")
        (rt-check "didOpen sends language id markdown"
                  (equal (plist-get (plist-get (rt-did-open readme-file) :textDocument) :languageId) "markdown"))
        (rt-check "the server publishes for README.md"
                  (rt-wait (lambda () (gethash (file-truename readme-file) rt-published)) 20))
        (rt-settle 1.0)
        (rt-check "README.md gets no diagnostics"
                  (and (eql (gethash (file-truename readme-file) rt-published) 0)
                       (null (flymake-diagnostics)))
                  (format "%S published, %d in Flymake"
                          (gethash (file-truename readme-file) rt-published)
                          (length (flymake-diagnostics))))))

    ;; 8. *.un.txt opened last, outside any project: the un-outcome language forces
    ;; the check of a text that is not recognisable as a UN document by itself.
    (let* ((draft-text "1. First paragraph.\n\n2. Second paragraph.\n\n4. Fourth paragraph.\n")
           (plain (expand-file-name "notes.txt" tmp))
           (forced (expand-file-name "draft.un.txt" tmp)))
      (with-temp-file plain (insert draft-text))
      (with-temp-file forced (insert draft-text))
      (with-current-buffer (rt-open plain)
        (rt-check "notes.txt is managed" (rt-wait #'eglot-managed-p))
        (rt-wait (lambda () (gethash (file-truename plain) rt-published)) 20)
        (rt-settle 0.5)
        (rt-check "notes.txt (three numbered paragraphs, nothing more) gets no diagnostics"
                  (null (flymake-diagnostics)) (format "%S" (rt-sorted-diags))))
      (with-current-buffer (rt-open forced)
        (rt-check "draft.un.txt opens in un-outcome-mode" (eq major-mode 'un-outcome-mode))
        (rt-check "Eglot manages draft.un.txt" (rt-wait #'eglot-managed-p))
        (rt-check "didOpen sends language id un-outcome"
                  (equal (plist-get (plist-get (rt-did-open forced) :textDocument) :languageId) "un-outcome")
                  (format "%S" (plist-get (plist-get (rt-did-open forced) :textDocument) :languageId)))
        (rt-wait (lambda () (flymake-diagnostics)) 20)
        (rt-check "draft.un.txt gets numbering.gap at line 5"
                  (cl-find-if (lambda (d) (and (= (car d) 5) (equal (nth 4 d) "numbering.gap")))
                              (rt-sorted-diags))
                  (format "%S" (rt-sorted-diags)))))

    ;; Shut the servers down.
    (let ((servers (cl-loop for list being the hash-values of eglot--servers-by-project
                            append list)))
      (rt-out "emacs test: %d server(s) ran: %s" (length servers)
              (mapconcat (lambda (s) (format "%s %S" (eglot--language-id s) (eglot--major-modes s)))
                         servers ", "))
      (dolist (server servers)
        (ignore-errors (eglot-shutdown server nil 5)))
      (rt-check "the servers exit on shutdown"
                (rt-wait (lambda () (cl-notany #'jsonrpc-running-p servers)) 10)))))

(condition-case err
    (rt-run)
  (error
   (setq rt-failed (1+ rt-failed))
   (rt-out "FAIL   the test stopped: %S" err)))
(rt-out "emacs: %d passed, %d failed" rt-passed rt-failed)
(kill-emacs (if (> rt-failed 0) 1 0))

;;; eglot-test.el ends here
