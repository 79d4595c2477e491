/**
 * The draft levelfit keeps in `cmi.suspend_data` (SCORM 1.2 and 2004 alike): compact JSON with a format version,
 * the bank it belongs to, the selected option ids per question, and the attempt's seed and checked tries.
 */
import type { LmsAnswers, LmsIssue } from './types.js';

const SUSPEND_VERSION = 1;

/** A saved draft as read back: the answers, the bank they belong to, the attempt's seed and checked tries. */
export interface SuspendedDraft {
  answers: Record<string, string[]>;
  bankId: string | null;
  bankVersion: string | null;
  /** The seed the questions were drawn and ordered with, or null. */
  seed: number | null;
  /** Checked selections per question, oldest first (so a resumed assessment still scores the first try). */
  tries: Record<string, string[][]>;
}

/** What a draft carries besides the answers. */
export interface SuspendExtra {
  seed?: number | null;
  tries?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

const stringList = (ids: unknown): string[] => (Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);

/** The draft as `cmi.suspend_data` holds it (compact JSON; `s` the seed and `t` the tries only when there are some). */
export function encodeSuspendData(answers: LmsAnswers, bank?: { id: string; version: string }, extra: SuspendExtra = {}): string {
  const a: Record<string, string[]> = {};
  for (const [q, ids] of Object.entries(answers)) if (Array.isArray(ids)) a[q] = stringList(ids);
  const data: Record<string, unknown> = bank ? { v: SUSPEND_VERSION, b: bank.id, r: bank.version, a } : { v: SUSPEND_VERSION, a };
  if (typeof extra.seed === 'number') data['s'] = extra.seed;
  const t: Record<string, string[][]> = {};
  for (const [q, list] of Object.entries(extra.tries ?? {})) if (Array.isArray(list) && list.length) t[q] = list.map(stringList);
  if (Object.keys(t).length) data['t'] = t;
  return JSON.stringify(data);
}

/** Read `cmi.suspend_data` back: the draft, or an issue when it is not levelfit's. */
export function decodeSuspendData(text: string): { draft: SuspendedDraft } | { issue: LmsIssue } {
  const bad = (why: string) => ({ issue: { code: 'invalid_suspend_data' as const, path: ['cmi.suspend_data'], message: `cmi.suspend_data is not a levelfit draft: ${why}` } });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return bad('not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('not an object');
  const d = data as Record<string, unknown>;
  if (d['v'] !== SUSPEND_VERSION) return bad(`unknown format version ${JSON.stringify(d['v'])}`);
  const raw = d['a'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('no answers');
  const answers: Record<string, string[]> = Object.create(null);
  for (const [q, ids] of Object.entries(raw as Record<string, unknown>)) {
    if (q === '__proto__' || !Array.isArray(ids)) continue;
    answers[q] = stringList(ids);
  }
  const tries: Record<string, string[][]> = Object.create(null);
  const t = d['t'];
  if (typeof t === 'object' && t !== null && !Array.isArray(t)) {
    for (const [q, list] of Object.entries(t as Record<string, unknown>)) if (q !== '__proto__' && Array.isArray(list)) tries[q] = list.map(stringList);
  }
  const seed = d['s'];
  return {
    draft: {
      answers: { ...answers },
      bankId: typeof d['b'] === 'string' ? d['b'] : null,
      bankVersion: typeof d['r'] === 'string' ? d['r'] : null,
      seed: typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? seed : null,
      tries: { ...tries },
    },
  };
}
