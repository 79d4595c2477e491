import { ITEM_KINDS, type Framework, type Issue, type IssuePath } from '@levelfit/engine';
import { isPlainObject } from '../internal/is-plain-object.js';

/**
 * Checks that a value given to `<lf-level-fit>` as `.result` is a `LevelFit` for this framework (the shape
 * `assess` resolves to), so the view never throws on a hand-edited or stale result. Returns engine-style
 * issues with paths; an empty array means it can be shown.
 *
 * The engine has no LevelFit schema of its own yet; when it gains one, this should defer to it.
 */
export function checkLevelFit(value: unknown, framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const add = (code: Issue['code'], path: IssuePath, message: string) => {
    if (issues.length < 20) issues.push({ code, path: ['result', ...path], message });
  };
  if (!isPlainObject(value)) {
    add('invalid_type', [], 'result must be a LevelFit object, as `assess` returns or `lf-submit` carries in `detail.result`');
    return issues;
  }
  const levelIds = new Set(framework.levels.map((l) => l.id));
  const str = (v: unknown, path: IssuePath, what: string): v is string => {
    if (typeof v === 'string') return true;
    add('invalid_type', path, `${what} must be a string`);
    return false;
  };
  const num = (v: unknown, path: IssuePath, what: string, max?: number): boolean => {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && (max === undefined || v <= max)) return true;
    add('invalid_type', path, `${what} must be a number${max === undefined ? ' of 0 or more' : ` from 0 to ${max}`}`);
    return false;
  };
  const level = (v: unknown, path: IssuePath, what: string, nullable: boolean): void => {
    if (v === null && nullable) return;
    if (typeof v !== 'string') {
      add('invalid_type', path, `${what} must be a level id${nullable ? ' or null' : ''}`);
    } else if (!levelIds.has(v)) {
      add('unknown_level', path, `${what} "${v}" is not a level of ${framework.id} (its levels are: ${[...levelIds].join(', ')})`);
    }
  };
  const stringArray = (v: unknown, path: IssuePath, what: string): void => {
    if (!Array.isArray(v)) add('invalid_type', path, `${what} must be an array of strings`);
    else v.forEach((s, i) => str(s, [...path, i], `${what}[${i}]`));
  };
  const fitItems = (v: unknown, path: IssuePath): void => {
    if (!Array.isArray(v)) {
      add('invalid_type', path, 'items must be an array of { id, title, kind, rating }');
      return;
    }
    v.forEach((item, i) => {
      const p = [...path, i];
      if (!isPlainObject(item)) {
        add('invalid_type', p, 'each item must be an object { id, title, kind, rating }');
        return;
      }
      str(item.id, [...p, 'id'], 'id');
      str(item.title, [...p, 'title'], 'title');
      if (!(ITEM_KINDS as readonly unknown[]).includes(item.kind)) add('invalid_value', [...p, 'kind'], `kind must be one of ${ITEM_KINDS.join(', ')}`);
      num(item.rating, [...p, 'rating'], 'rating');
    });
  };

  if (str(value.frameworkId, ['frameworkId'], 'frameworkId') && value.frameworkId !== framework.id) {
    add(
      'invalid_value',
      ['frameworkId'],
      `this result is for the framework "${value.frameworkId}", but the element shows "${framework.id}"; set its framework to match`,
    );
    return issues;
  }
  level(value.bestFit, ['bestFit'], 'bestFit', true);

  if (!Array.isArray(value.levels)) {
    add('invalid_type', ['levels'], 'levels must be an array with one entry per level of the framework');
  } else {
    if (value.levels.length !== framework.levels.length) {
      add('too_small', ['levels'], `levels has ${value.levels.length} entries; ${framework.id} has ${framework.levels.length} levels`);
    }
    value.levels.forEach((l, i) => {
      const p = ['levels', i];
      if (!isPlainObject(l)) {
        add('invalid_type', p, 'each level result must be an object');
        return;
      }
      level(l.level, [...p, 'level'], 'level', false);
      if (typeof l.attained !== 'boolean') add('invalid_type', [...p, 'attained'], 'attained must be true or false');
      for (const key of ['competenceCoverage', 'indicatorCoverage'] as const) num(l[key], [...p, key], key, 1);
      for (const key of ['competences', 'indicators'] as const) {
        const counts = l[key];
        if (!isPlainObject(counts)) add('invalid_type', [...p, key], `${key} must be { required, met }`);
        else {
          num(counts.required, [...p, key, 'required'], `${key}.required`);
          num(counts.met, [...p, key, 'met'], `${key}.met`);
        }
      }
      stringArray(l.met, [...p, 'met'], 'met');
      stringArray(l.missing, [...p, 'missing'], 'missing');
    });
  }

  if (value.overlap !== null) {
    const o = value.overlap;
    if (!isPlainObject(o)) add('invalid_type', ['overlap'], 'overlap must be null or { from, to, items }');
    else {
      level(o.from, ['overlap', 'from'], 'overlap.from', false);
      level(o.to, ['overlap', 'to'], 'overlap.to', false);
      fitItems(o.items, ['overlap', 'items']);
    }
  }

  const gaps = value.gaps;
  if (!isPlainObject(gaps)) add('invalid_type', ['gaps'], 'gaps must be { target, items }');
  else {
    level(gaps.target, ['gaps', 'target'], 'gaps.target', true);
    fitItems(gaps.items, ['gaps', 'items']);
    // `competences` and `indicators` are newer than `items`: a result kept from before has neither
    if (gaps.competences !== undefined) fitItems(gaps.competences, ['gaps', 'competences']);
    if (gaps.indicators !== undefined) {
      const ind = gaps.indicators;
      if (!isPlainObject(ind)) add('invalid_type', ['gaps', 'indicators'], 'gaps.indicators must be { need, from }');
      else {
        num(ind.need, ['gaps', 'indicators', 'need'], 'gaps.indicators.need');
        fitItems(ind.from, ['gaps', 'indicators', 'from']);
      }
    }
  }

  const role = value.role;
  if (role !== null && role !== undefined) {
    if (!isPlainObject(role)) add('invalid_type', ['role'], 'role must be null or { title, level }');
    else {
      str(role.title, ['role', 'title'], 'role.title');
      level(role.level, ['role', 'level'], 'role.level', false);
    }
  }
  stringArray(value.explanation, ['explanation'], 'explanation');
  if (value.reasons !== undefined) {
    if (!Array.isArray(value.reasons)) add('invalid_type', ['reasons'], 'reasons must be an array');
    else {
      value.reasons.forEach((r, i) => {
        if (!isPlainObject(r) || typeof r.code !== 'string') add('invalid_type', ['reasons', i], 'each reason must be an object with a code');
        else {
          if ('level' in r) level(r.level, ['reasons', i, 'level'], 'reason level', false);
          for (const key of ['competences', 'indicators'] as const) {
            if (r.code !== 'to_reach' && r.code !== 'not_complete') continue;
            const counts = r[key];
            if (!isPlainObject(counts)) add('invalid_type', ['reasons', i, key], `${key} must be { met, required, needed }`);
            else for (const f of ['met', 'required', 'needed'] as const) num(counts[f], ['reasons', i, key, f], `${key}.${f}`);
          }
        }
      });
    }
  }
  return issues;
}
