/**
 * The draft levelfit keeps in `cmi.suspend_data` (SCORM 1.2 and 2004 alike): compact JSON with a format version,
 * the bank it belongs to, and the selected option ids per question.
 */
import type { LmsAnswers, LmsIssue } from './types.js';

const SUSPEND_VERSION = 1;

/** A saved draft as read back: the answers and the bank they belong to. */
export interface SuspendedDraft {
  answers: Record<string, string[]>;
  bankId: string | null;
  bankVersion: string | null;
}

/** The draft as `cmi.suspend_data` holds it (compact JSON). */
export function encodeSuspendData(answers: LmsAnswers, bank?: { id: string; version: string }): string {
  const a: Record<string, string[]> = {};
  for (const [q, ids] of Object.entries(answers)) if (Array.isArray(ids)) a[q] = ids.filter((id) => typeof id === 'string');
  return JSON.stringify(bank ? { v: SUSPEND_VERSION, b: bank.id, r: bank.version, a } : { v: SUSPEND_VERSION, a });
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
    answers[q] = ids.filter((id): id is string => typeof id === 'string');
  }
  return {
    draft: {
      answers: { ...answers },
      bankId: typeof d['b'] === 'string' ? d['b'] : null,
      bankVersion: typeof d['r'] === 'string' ? d['r'] : null,
    },
  };
}
