/**
 * A provider's extension of a framework: its own competences (with the levels that require them and their
 * groups), extra indicative roles and, optionally, its own rules, added to a base framework without copying it.
 * The framework's own words stay in the base; the extension holds only what the provider adds.
 *
 * An extension names the base it was written for (`extends: {id, version}`). It applies only to exactly that
 * version: when the base changes (4.5 → 4.6) the provider must check the extension and update the pin, so an
 * extension is never applied silently to a framework it was not written for.
 */
import { z } from '../zod.js';
import { FRAMEWORK_ID_PATTERN, LIMITS } from '../constants.js';
import type { Issue, IssuePath } from '../errors.js';
import { ExtendsSchema, ItemSchema, RuleSchema, SourceSchema, type ExtensionInfo, type Framework } from './schema.js';

const text = () => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.stringLength));
const id = (pattern: RegExp, what: string) =>
  z.string().check(z.regex(pattern, `${what} must be lower-case letters, digits and single dashes, starting with a letter`));

export const FrameworkExtensionSchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** The extended framework's id (not the base's: results and drafts name it). */
  id: id(FRAMEWORK_ID_PATTERN, 'an extension id'),
  /** The extended framework's title, as people see it. */
  title: text(),
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  extends: ExtendsSchema,
  /** Where the added text comes from (usually the provider itself), cited like a framework's source. */
  source: SourceSchema,
  /** Added items, after the base's, in this order. */
  items: z.optional(z.array(ItemSchema).check(z.maxLength(LIMITS.items))),
  /** Added indicative roles, by level id, after the base's. */
  roles: z.optional(z.record(z.string(), z.array(text()).check(z.maxLength(100)))),
  /** Rules that replace the base's (to change its thresholds); absent: the base's rules apply. */
  rules: z.optional(z.array(RuleSchema).check(z.minLength(1), z.maxLength(LIMITS.rules))),
});

export type FrameworkExtension = z.output<typeof FrameworkExtensionSchema>;

export type { ExtensionInfo };

/** Where to find an extension's base: a framework, or a lookup by the base's id. */
export type ExtensionBase = Framework | ((id: string) => Framework | undefined);

/** True for JSON that is an extension rather than a framework: it says what it `extends` and has no levels. */
export function isFrameworkExtension(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'extends' in value && !('levels' in value);
}

/**
 * Checks an extension (already schema-valid) against its base: the base it names, the pinned version, added ids
 * that clash with the base's, and levels that the base does not have. Paths point into the extension.
 */
export function checkAgainstBase(ext: FrameworkExtension, base: Framework): Issue[] {
  const issues: Issue[] = [];
  if (base.extension) {
    issues.push({ code: 'invalid_value', path: ['extends', 'id'], message: `"${base.id}" is itself an extension of ${base.extension.extends.id}: extend the framework, not another extension` });
    return issues;
  }
  if (ext.extends.id !== base.id) {
    issues.push({ code: 'invalid_value', path: ['extends', 'id'], message: `this extension extends "${ext.extends.id}", not "${base.id}"` });
    return issues;
  }
  if (ext.extends.version !== base.version) {
    issues.push({
      code: 'version_mismatch',
      path: ['extends', 'version'],
      message:
        `this extension was written for version ${ext.extends.version} of ${base.id}, but the framework is version ` +
        `${base.version}: check the extension against the new version, then change "extends.version"`,
    });
  }
  const levelIds = new Set(base.levels.map((l) => l.id));
  const baseItems = new Set(base.items.map((i) => i.id));
  (ext.items ?? []).forEach((item, i) => {
    if (baseItems.has(item.id)) {
      issues.push({ code: 'duplicate_id', path: ['items', i, 'id'], message: `${base.id} already has an item "${item.id}": give the added item its own id` });
    }
    item.levels.forEach((lv, j) => {
      if (!levelIds.has(lv)) issues.push({ code: 'unknown_level', path: ['items', i, 'levels', j], message: `${base.id} has no level "${lv}"` });
    });
  });
  for (const level of Object.keys(ext.roles ?? {})) {
    if (!levelIds.has(level)) issues.push({ code: 'unknown_level', path: ['roles', level], message: `${base.id} has no level "${level}"` });
  }
  return issues;
}

/** The extended framework as plain data, to be validated as a framework: the base, plus what the extension adds. */
export function mergeExtension(base: Framework, ext: FrameworkExtension): Record<string, unknown> {
  const added = ext.items ?? [];
  const roles = ext.roles ?? {};
  const info: ExtensionInfo = { extends: ext.extends, source: ext.source, items: added.map((i) => i.id) };
  return {
    id: ext.id,
    title: ext.title,
    version: ext.version,
    source: base.source,
    scale: base.scale,
    levels: base.levels.map((level) => (roles[level.id]?.length ? { ...level, roles: [...level.roles, ...roles[level.id]!] } : level)),
    items: [...base.items, ...added],
    rules: ext.rules ?? base.rules,
    ...(base.plain ? { plain: base.plain } : {}),
    extension: info,
  };
}

/**
 * Maps an issue found in the merged framework back into the extension: an added item's index is its index in
 * the extension; issues in the base's own part (which the extension cannot cause, except through its rules or
 * ids) keep the framework's path under `base`.
 */
export function issueInExtension(issue: Issue, base: Framework): Issue {
  const [head, index, ...rest] = issue.path;
  if (head === 'items' && typeof index === 'number') {
    const at = index - base.items.length;
    return at >= 0 ? { ...issue, path: ['items', at, ...rest] } : { ...issue, path: ['base', ...issue.path] };
  }
  if (head === 'rules') return issue;
  return { ...issue, path: ['base', ...issue.path] as IssuePath };
}
