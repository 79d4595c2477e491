import { z } from '../zod.js';
import { FRAMEWORK_ID_PATTERN, ID_PATTERN, ITEM_KINDS, LIMITS, RULE_EVENTS } from '../constants.js';

const text = () => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.stringLength));
const id = (pattern: RegExp, what: string) =>
  z.string().check(z.regex(pattern, `${what} must be lower-case letters, digits and single dashes, starting with a letter`));

export const ScaleValueSchema = z.strictObject({
  value: z.int().check(z.gte(0), z.lte(100)),
  label: text(),
  hint: z.optional(text()),
});

export const ScaleSchema = z.strictObject({
  met: z.int(),
  values: z.array(ScaleValueSchema).check(z.minLength(2), z.maxLength(11)),
});

export const SourceSchema = z.strictObject({
  title: text(),
  /** null when the source does not name its publisher (say how you know in `note`). */
  publisher: z.nullable(text()),
  /** The licence the source states for its text; null when it states none (unknown stays unknown, never guessed). */
  licence: z.optional(z.nullable(text())),
  /** null when the source is undated. */
  date: z.nullable(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD'))),
  reference: z.optional(text()),
  url: z.optional(z.url({ protocol: /^https$/, error: 'url must be an https address' })),
  note: z.optional(text()),
});

export const LevelSchema = z.strictObject({
  id: id(ID_PATTERN, 'a level id'),
  title: text(),
  /** "levelfit" when the title is levelfit's wording, not the source's (absent: the source's own words). */
  titleBy: z.optional(z.enum(['levelfit', 'source'])),
  /** Plain wording (levelfit's, see `plain`): a short label, shown as "Level {number} – {label}". */
  label: z.optional(text()),
  /** The level's number in "Level {number} – {label}"; absent: its 1-based position. */
  number: z.optional(z.int().check(z.gte(0), z.lte(99))),
  descriptor: z.array(text()).check(z.maxLength(50)),
  roles: z.array(text()).check(z.maxLength(100)),
});

export const ItemSchema = z.strictObject({
  id: id(ID_PATTERN, 'an item id'),
  title: text(),
  kind: z.enum(ITEM_KINDS),
  code: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  group: z.optional(text()),
  levels: z.array(id(ID_PATTERN, 'a level id')).check(z.minLength(1, 'an item must be required by at least one level')),
  source: z.optional(text()),
  description: z.optional(text()),
  /** Plain wording (levelfit's, see `plain`): the item asked as a short question; `title` keeps the source's words. */
  question: z.optional(text()),
  /** An indicator whose descriptor sentence says "may" (or "for example"): what some people at the level do. */
  optional: z.optional(z.boolean()),
});

export const RuleSchema = z.strictObject({
  name: z.optional(text()),
  priority: z.optional(z.int().check(z.gte(1), z.lte(100))),
  /** Checked in full by `checkConditions` (facts, operators, paths, depth). */
  conditions: z.unknown(),
  event: z.strictObject({
    type: z.enum(RULE_EVENTS),
    params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  }),
});

/** The base an extension is written for: a framework id and its exact version. */
export const ExtendsSchema = z.strictObject({
  id: id(FRAMEWORK_ID_PATTERN, 'a framework id'),
  version: z.string().check(z.minLength(1), z.maxLength(40)),
});

/** Recorded on a framework made from a base and an extension (framework/extension.ts). */
export const ExtensionInfoSchema = z.strictObject({
  extends: ExtendsSchema,
  /** Where the added text comes from. */
  source: SourceSchema,
  /** Ids of the items the extension added. */
  items: z.array(id(ID_PATTERN, 'an item id')).check(z.maxLength(LIMITS.items)),
});

/**
 * The framework's plain-language layer: who wrote it (never the source: its words stay in titles, descriptors
 * and groups) and plain titles for the source's group headings. Items' `question` and levels' `label` belong to it.
 */
export const PlainSchema = z.strictObject({
  by: text(),
  note: z.optional(text()),
  /** Plain titles by the source's group heading (an item's `group`, exactly). */
  groups: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(LIMITS.stringLength)), text())),
});

export const FrameworkSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: id(FRAMEWORK_ID_PATTERN, 'a framework id'),
  title: text(),
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  source: SourceSchema,
  scale: ScaleSchema,
  levels: z.array(LevelSchema).check(z.minLength(1), z.maxLength(LIMITS.levels)),
  items: z.array(ItemSchema).check(z.minLength(1), z.maxLength(LIMITS.items)),
  rules: z.array(RuleSchema).check(z.minLength(1), z.maxLength(LIMITS.rules)),
  plain: z.optional(PlainSchema),
  /** Present when the framework is a base extended by a provider: what it extends and what it added. */
  extension: z.optional(ExtensionInfoSchema),
});

export type ExtensionInfo = z.output<typeof ExtensionInfoSchema>;
export type ScaleValue = z.output<typeof ScaleValueSchema>;
export type Scale = z.output<typeof ScaleSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Level = z.output<typeof LevelSchema>;
export type Item = z.output<typeof ItemSchema>;

/** A json-rules-engine condition as levelfit accepts it. */
export type Condition =
  | { all: Condition[]; name?: string; priority?: number }
  | { any: Condition[]; name?: string; priority?: number }
  | { not: Condition; name?: string; priority?: number }
  | {
      fact: string;
      operator: string;
      value: unknown;
      path?: string;
      params?: Record<string, unknown>;
      name?: string;
      priority?: number;
    };

export type Rule = Omit<z.output<typeof RuleSchema>, 'conditions'> & { conditions: Condition };

export type Framework = Readonly<Omit<z.output<typeof FrameworkSchema>, 'rules'> & { rules: Rule[] }>;
