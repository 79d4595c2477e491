// Why: lit-html collapses template whitespace at render time anyway, so shipping the indentation of the
// elements' `html` / `svg` literals and the comments and spaces of their `css` literals costs bytes for
// nothing (Lit's own build minifies its templates the same way). This plugin squeezes them in levelfit's own
// element code only (packages/elements/lib), working on the parsed literals, never on third-party code.
// Safe because no template uses <pre> or `white-space: pre`, and no css literal has an interpolation or a
// quoted string containing `{ } ; , >`. MagicString keeps the source map exact.
import MagicString from 'magic-string';

const OWN_ELEMENT_CODE = /[\\/]packages[\\/]elements[\\/]lib[\\/].*\.js$/;
const TAGS = new Set(['html', 'css', 'svg']);

export function minifyCss(raw) {
  return raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/ !important/g, '!important')
    .replace(/;}/g, '}')
    .trim();
}

const squeezeMarkup = (raw) => raw.replace(/\n[ \t]+/g, '\n').replace(/[ \t]{2,}/g, ' ');

export default function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!OWN_ELEMENT_CODE.test(id) || !/\b(html|css|svg)\s*`/.test(code)) return null;
      const s = new MagicString(code);
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) {
          const { quasis } = node.quasi;
          for (const q of quasis) {
            const raw = code.slice(q.start, q.end);
            const out = node.tag.name === 'css' && quasis.length === 1 ? minifyCss(raw) : squeezeMarkup(raw);
            if (out === raw) continue;
            if (out) s.overwrite(q.start, q.end, out);
            else s.remove(q.start, q.end);
          }
        }
        for (const [key, child] of Object.entries(node)) {
          if (Array.isArray(child)) child.forEach(visit);
          else if (child && typeof child === 'object' && key !== 'parent') visit(child);
        }
      };
      visit(this.parse(code));
      if (!s.hasChanged()) return null;
      return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
    },
  };
}
