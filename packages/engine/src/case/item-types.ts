/**
 * levelfit's item kinds as CASE CFItemTypes, and back. Our titles are the kind nouns; reading a package from
 * another tool, common type names (Competency, Standard, Learning Outcome…) map to the closest kind.
 */
import { ITEM_KINDS, type ItemKind } from '../constants.js';
import type { CaseIds } from './ids.js';
import type { CFItemType } from './types.js';

/** The CFItemType of a level and of a group heading (they are CFItems too). */
export const LEVEL_TYPE = 'Level';
export const GROUP_TYPE = 'Group';

const KIND_TYPES: Record<ItemKind, { title: string; description: string }> = {
  competence: { title: 'Competence', description: 'A competence a person shows in their work.' },
  indicator: { title: 'Indicator', description: 'A statement that shows a competence or level descriptor is met.' },
  knowledge: { title: 'Knowledge', description: 'Something a person knows and understands.' },
  skill: { title: 'Skill', description: 'Something a person can do.' },
  behaviour: { title: 'Behaviour', description: 'How a person acts and works with others.' },
  performance: { title: 'Performance criterion', description: 'What a person must be able to do, as a standard states it.' },
};

export const typeTitle = (kind: ItemKind): string => KIND_TYPES[kind].title;

/** The CFItemTypes a framework's export uses: Level, Group (when there are groups), then each kind present. */
export function itemTypes(kinds: readonly ItemKind[], hasGroups: boolean, ids: CaseIds, when: string): CFItemType[] {
  const rows: { title: string; description: string; code: string }[] = [
    { title: LEVEL_TYPE, description: 'A level of the framework: its descriptor and the roles it fits.', code: 'level' },
  ];
  if (hasGroups) rows.push({ title: GROUP_TYPE, description: 'A heading that groups items as the source does.', code: 'group' });
  for (const kind of ITEM_KINDS) if (kinds.includes(kind)) rows.push({ ...KIND_TYPES[kind], code: kind });
  return rows.map((row, i) => {
    const identifier = ids.of(`type/${row.code}`);
    return {
      identifier,
      uri: ids.uri('CFItemTypes', identifier),
      title: row.title,
      description: row.description,
      hierarchyCode: String(i + 1),
      typeCode: row.code,
      lastChangeDateTime: when,
    };
  });
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const ALIASES: Record<string, ItemKind> = {
  competence: 'competence',
  competency: 'competence',
  competencies: 'competence',
  competences: 'competence',
  standard: 'competence',
  learningoutcome: 'competence',
  outcome: 'competence',
  objective: 'competence',
  learningobjective: 'competence',
  indicator: 'indicator',
  performanceindicator: 'indicator',
  benchmark: 'indicator',
  knowledge: 'knowledge',
  skill: 'skill',
  skills: 'skill',
  behaviour: 'behaviour',
  behavior: 'behaviour',
  behaviours: 'behaviour',
  behaviors: 'behaviour',
  performance: 'performance',
  performancecriterion: 'performance',
  performancecriteria: 'performance',
};

/** The kind for a CFItemType name (or typeCode), or undefined when it is none levelfit knows. */
export function kindOfType(name: string | undefined): ItemKind | undefined {
  if (name === undefined) return undefined;
  return ALIASES[norm(name)];
}

export const isLevelType = (name: string | undefined): boolean => name !== undefined && /^(level|proficiency ?level|career ?level)$/i.test(name.trim());
