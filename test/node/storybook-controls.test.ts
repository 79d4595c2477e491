/**
 * Storybook's docs tables and controls come from the custom-elements manifest. The analyzer lists private
 * and protected members too (controllers, `@state()` fields, render helpers); the preview must hand
 * Storybook the public API only. This loads the real preview (as the Storybook build does), then asks
 * Storybook's own web-components argTypes extractor what it would show for each element.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Member {
  name: string;
  kind: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
}
interface ArgType {
  name: string;
  table?: { category?: string; defaultValue?: { summary?: unknown } };
}

const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d): d is Declaration & { tagName: string } => !!d.tagName);

// The preview module runs in a browser; it only needs a global object to register the manifest on.
(globalThis as { window?: unknown }).window ??= globalThis;
await import('../../.storybook/preview.js');
const { parameters } = (await import('@storybook/web-components/entry-preview-argtypes')) as unknown as {
  parameters: { docs: { extractArgTypes: (tag: string) => Record<string, ArgType> | null } };
};

const notPublic = (m: Member): boolean => (m.privacy !== undefined && m.privacy !== 'public') || m.static === true || /^[_#]/.test(m.name);

test('the manifest the analyzer writes does list private members (so the filter below has work to do)', () => {
  assert.ok(elements.length >= 6, `${elements.length} elements in the manifest`);
  for (const el of elements) {
    assert.ok((el.members ?? []).some(notPublic), `${el.tagName} lists no private member: is the manifest stale?`);
  }
});

for (const el of elements) {
  test(`Storybook shows no private or internal member of <${el.tagName}>`, () => {
    const argTypes = parameters.docs.extractArgTypes(el.tagName);
    assert.ok(argTypes, `Storybook found no <${el.tagName}> in the manifest`);
    const shown = new Set(Object.keys(argTypes));
    const publicNames = new Set((el.members ?? []).filter((m) => !notPublic(m)).map((m) => m.name));
    const leaked = (el.members ?? []).filter((m) => notPublic(m) && !publicNames.has(m.name) && shown.has(m.name)).map((m) => m.name);
    assert.deepEqual(leaked, [], `private members shown as docs rows or controls of <${el.tagName}>`);
    for (const [name, arg] of Object.entries(argTypes)) {
      const summary = String(arg.table?.defaultValue?.summary ?? '');
      assert.doesNotMatch(summary, /\bnew [A-Z]|\bthis\b|=>/, `${el.tagName} ${name}: a default that is source code (${summary})`);
    }
    // Every public field the element documents is still there.
    for (const m of el.members ?? []) if (m.kind === 'field' && !notPublic(m)) assert.ok(shown.has(m.name), `${el.tagName}.${m.name} missing`);
  });
}
