// The outline in Markdown files. VS Code's Markdown extension gives every `#` heading
// as a symbol of kind String; the server gives subheadings and crossheadings the same
// kind. So that the setting
//   "[markdown]": { "outline.showStrings": false, "breadcrumbs.showStrings": false }
// hides the Markdown extension's headings and leaves the server's outline whole, the
// client shows the server's String symbols as Class symbols (the kind of subsections,
// and the semantic token type of subheadings).
// Free of the `vscode` module so that it can be unit-tested under plain Node.

/** vscode.SymbolKind.String and vscode.SymbolKind.Class (the API's 0-based numbering). */
export const SYMBOL_KIND_STRING = 14;
export const SYMBOL_KIND_CLASS = 4;

interface Symbolish {
  kind: number;
  children?: Symbolish[];
}

/** The server's symbols with String kinds turned into Class, children included. */
export function preferServerSymbols<T extends Symbolish>(symbols: T[] | null | undefined): T[] | null | undefined {
  if (!symbols) return symbols;
  const walk = (list: Symbolish[]): void => {
    for (const s of list) {
      if (s.kind === SYMBOL_KIND_STRING) s.kind = SYMBOL_KIND_CLASS;
      if (Array.isArray(s.children)) walk(s.children);
    }
  };
  walk(symbols);
  return symbols;
}
