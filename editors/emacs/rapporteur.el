;;; rapporteur.el --- Eglot set-up for the rapporteur language server  -*- lexical-binding: t; -*-

;; Checks drafts of United Nations outcome documents in Markdown and plain-text
;; buffers through `rapporteur lsp' (install the server first: `cargo install
;; --path .' in a checkout of the repository puts it in ~/.cargo/bin).
;;
;; Either load this file from your init file,
;;
;;   (load "/path/to/rapporteur/editors/emacs/rapporteur.el")
;;
;; or paste the forms below into it: they are the ones shown in README.md
;; ("Emacs (Eglot)") and docs/editors.md, and editors/emacs/tests/run.sh checks
;; that the three stay the same and runs them in a real Emacs with Eglot.
;;
;; Needs Eglot (built in from Emacs 29; `M-x package-install RET eglot' or
;; Debian's elpa-eglot on Emacs 27-28) and, for Markdown, markdown-mode.

;;; Code:

(define-derived-mode un-outcome-mode text-mode "UN"
  "Major mode for UN outcome documents (*.un.txt, *.un.md).")
(add-to-list 'auto-mode-alist '("\\.un\\.\\(txt\\|md\\)\\'" . un-outcome-mode))

(with-eval-after-load 'eglot
  ;; One entry per mode, so that each buffer is sent its own language id.
  (add-to-list 'eglot-server-programs
               '((un-outcome-mode :language-id "un-outcome") . ("rapporteur" "lsp")))
  (add-to-list 'eglot-server-programs
               '((markdown-mode :language-id "markdown") . ("rapporteur" "lsp")))
  ;; Last: modes derived from text-mode (LaTeX, HTML, Texinfo…) keep their servers.
  (add-to-list 'eglot-server-programs
               '((text-mode :language-id "plaintext") . ("rapporteur" "lsp")) t))
(setq-default eglot-workspace-configuration
              '(:rapporteur (:language "auto" :detect "auto")))

(add-hook 'un-outcome-mode-hook #'eglot-ensure)
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook (lambda () (when (eq major-mode 'text-mode) (eglot-ensure))))

(provide 'rapporteur)
;;; rapporteur.el ends here
