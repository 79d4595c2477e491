/**
 * `levelfit validate` for a question bank: resolves the framework the bank names (an unknown id is an error,
 * with a suggestion), reports every mistake in one pass with the question's number (from 1) and id, suggests
 * close item ids, and warns about habits that let a learner pass blind (see quiz/lint.ts).
 */
import { formatPath, type Issue } from '../errors.js';
import { BUILTIN_IDS, frameworks, isBuiltinFrameworkId } from '../framework/builtin.js';
import type { Framework } from '../framework/schema.js';
import { bankWarnings } from '../quiz/lint.js';
import { collectBankIssues, safeParseQuestionBank } from '../quiz/parse.js';
import { say, warn, type CliIo } from './io.js';
import { didYouMean } from './suggest.js';

/**
 * Where an issue is, in words people count in: `question 5 of 14 ("care-certificate"), items[0]` for a path
 * into the questions list, the plain path otherwise.
 */
export function describePlace(bank: unknown, path: Issue['path']): string {
  const questions = (bank as { questions?: unknown } | null)?.questions;
  if (path[0] !== 'questions' || typeof path[1] !== 'number' || !Array.isArray(questions)) return formatPath(path);
  const n = path[1];
  const id = (questions[n] as { id?: unknown } | null)?.id;
  const named = typeof id === 'string' ? ` ("${id}")` : '';
  const rest = path.length > 2 ? `, ${formatPath(path.slice(2))}` : '';
  return `question ${n + 1} of ${questions.length}${named}${rest}`;
}

/** The item id an issue is about, when it is at `questions[i].items[j]`. */
function itemAt(bank: unknown, path: Issue['path']): unknown {
  if (path[0] !== 'questions' || path[2] !== 'items' || typeof path[1] !== 'number' || typeof path[3] !== 'number') return undefined;
  const q = ((bank as { questions?: unknown[] }).questions ?? [])[path[1]] as { items?: unknown[] } | undefined;
  return Array.isArray(q?.items) ? q.items[path[3]] : undefined;
}

/**
 * Validates one bank (parsed JSON). `framework` is the framework given with `--framework`, if any; otherwise
 * the built-in framework the bank names. Returns true when the bank is valid (warnings do not count).
 */
export function validateBank(io: CliIo, file: string, data: unknown, framework: Framework | null): boolean {
  const named = (data as { framework?: unknown }).framework;
  let fw = framework;
  const issues: Issue[] = [];
  if (!fw) {
    if (isBuiltinFrameworkId(named)) fw = frameworks[named];
    else if (typeof named === 'string') {
      issues.push({
        code: 'invalid_value',
        path: ['framework'],
        message: `"${named}" is not a built-in framework (${BUILTIN_IDS.join(', ')})${didYouMean(named, BUILTIN_IDS)}; for your own framework give --framework FILE`,
      });
    }
  }
  const found = collectBankIssues(data, fw ?? undefined);
  const itemIds = fw ? fw.items.map((i) => i.id) : [];
  for (const i of found) {
    const item = itemAt(data, i.path);
    issues.push(typeof item === 'string' && fw ? { ...i, message: `${i.message}${didYouMean(item, itemIds)}` } : i);
  }
  for (const i of issues) warn(io, `${file}: ${describePlace(data, i.path)}: ${i.message} [${i.code}]`);
  if (issues.length) {
    warn(io, `${file}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}`);
    return false;
  }
  const bank = safeParseQuestionBank(data, fw ?? undefined);
  if (!bank.success) return false; // collectBankIssues found nothing, so this cannot happen; never report a bad bank valid
  const n = bank.data.questions.length;
  say(io, `${file}: valid question bank (${bank.data.id}: ${n} question${n === 1 ? '' : 's'}; checked against ${fw!.id})`);
  for (const w of bankWarnings(bank.data)) warn(io, `${file}: warning: ${describePlace(data, w.path)}: ${w.message} [${w.code}]`);
  return true;
}
