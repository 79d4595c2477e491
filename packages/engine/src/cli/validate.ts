/** `levelfit validate FILE...`: check framework or question bank JSON files; every file is checked. */
import { frameworks, isBuiltinFrameworkId } from '../framework/builtin.js';
import { parseJson, safeParseFramework } from '../framework/parse.js';
import { safeParseQuestionBank } from '../quiz/index.js';
import type { Command, OptionValues } from './command.js';
import { loadFramework } from './framework-option.js';
import { plural } from './format.js';
import { printIssues, read, say, UsageError, warn, type CliIo } from './io.js';

/** A JSON value that is a question bank rather than a framework (it has a `questions` list). */
const isBank = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as { questions?: unknown }).questions);

/** Checks one file's text; true when it is valid. */
function validateText(io: CliIo, file: string, text: string, values: OptionValues): boolean {
  const json = parseJson(text);
  if (json.success && isBank(json.data)) {
    // A question bank: checked against --framework, or else the built-in framework it names.
    const named = (json.data as { framework?: unknown }).framework;
    const fw = values.framework ? loadFramework(io, values.framework) : isBuiltinFrameworkId(named) ? { success: true as const, data: frameworks[named] } : null;
    if (fw && !fw.success) {
      printIssues(io, values.framework!, fw.issues);
      return false;
    }
    const bank = safeParseQuestionBank(json.data, fw?.data);
    if (!bank.success) {
      printIssues(io, file, bank.issues);
      return false;
    }
    const against = fw ? `checked against ${fw.data.id}` : 'framework not checked: give --framework FILE';
    say(io, `${file}: valid question bank (${bank.data.id}: ${plural(bank.data.questions.length, 'question')}; ${against})`);
    return true;
  }
  const res = safeParseFramework(text);
  if (!res.success) {
    printIssues(io, file, res.issues);
    return false;
  }
  const ext = res.data.extension;
  const extended = ext ? `; extends ${ext.extends.id} ${ext.extends.version}, adding ${plural(ext.items.length, 'item')}` : '';
  say(io, `${file}: valid (${res.data.id}: ${plural(res.data.levels.length, 'level')}, ${plural(res.data.items.length, 'item')}${extended})`);
  return true;
}

export const validateCommand: Command = {
  usage: ['validate FILE...', 'check framework (or question bank) JSON files against the data contract'],
  run({ files, values }, io) {
    if (!files.length) throw new UsageError('validate needs at least one FILE');
    let bad = 0;
    let unreadable = 0;
    for (const f of files) {
      let text: string;
      try {
        text = read(io, f);
      } catch (err) {
        unreadable++;
        warn(io, `levelfit: ${(err as Error).message}`);
        continue;
      }
      if (!validateText(io, f, text, values)) bad++;
    }
    return unreadable ? 2 : bad ? 1 : 0;
  },
};
