/**
 * The `--lf-*` design tokens, read from the custom-elements manifest (written by `npm run analyze` from the
 * elements' `@cssproperty` JSDoc, which a node test keeps equal to what the styles read). Nothing here is a
 * hand list: add a token to an element's styles and its JSDoc, and the theming page shows it.
 */
import manifest from '../../packages/elements/custom-elements.json';

export interface Token {
  name: string;
  /** What the element falls back to when the page sets nothing: a value, or another token (`var(--lf-color-brand)`). */
  default: string;
  description: string;
  /** The elements that read it. */
  elements: string[];
}

interface ManifestCssProperty {
  name: string;
  default?: string;
  description?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  cssProperties?: ManifestCssProperty[];
}

/**
 * Every token once, in name order, with the elements that read it. Each element describes a token in its
 * own terms ("Card background", "Field background"); the page shows the wording most elements share.
 */
export function designTokens(): Token[] {
  const tokens = new Map<string, Token>();
  const wordings = new Map<string, Map<string, number>>();
  const declarations = (manifest as { modules: { declarations?: ManifestDeclaration[] }[] }).modules.flatMap((m) => m.declarations ?? []);
  for (const d of declarations) {
    if (!d.tagName) continue;
    for (const p of d.cssProperties ?? []) {
      const token = tokens.get(p.name) ?? { name: p.name, default: p.default ?? '', description: p.description ?? '', elements: [] };
      token.elements.push(d.tagName);
      tokens.set(p.name, token);
      const counts = wordings.get(p.name) ?? new Map<string, number>();
      if (p.description) counts.set(p.description, (counts.get(p.description) ?? 0) + 1);
      wordings.set(p.name, counts);
    }
  }
  for (const token of tokens.values()) {
    const counts = [...(wordings.get(token.name) ?? new Map<string, number>()).entries()];
    const most = counts.reduce<[string, number] | null>((best, c) => (best === null || c[1] > best[1] ? c : best), null);
    if (most) token.description = most[0];
  }
  return [...tokens.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A literal colour default (`#1d70b8`) gets a colour picker; everything else (lengths, fonts, `var(…)`) a text field. */
export const isColour = (token: Token): boolean => /^#[0-9a-f]{3,8}$/i.test(token.default);

/** The control group a token belongs to: `--lf-color-brand` → "color", `--lf-button-text` → "button". */
export const groupOf = (token: Token): string => token.name.replace(/^--lf-/, '').split('-')[0]!;

/** The tokens whose value differs from their default: what the theming preview sets on its wrapper. */
export function changedTokens(tokens: readonly Token[], values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const t of tokens) {
    const value = values[t.name]?.trim();
    if (value && value !== t.default) changed[t.name] = value;
  }
  return changed;
}
