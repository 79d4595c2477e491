/** `levelfit validate FILE...`: check framework or question bank JSON files; every file is checked. */
import { parseJson, safeParseFramework } from '../framework/parse.js';
import type { Command, OptionValues } from './command.js';
import { loadFramework } from './framework-option.js';
import { plural } from './format.js';
import { printIssues, read, say, UsageError, warn, type CliIo } from './io.js';
import { validateBank } from './validate-bank.js';

/** A JSON value that is a question bank rather than a framework (it has a `questions` list). */
const isBank = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as { questions?: unknown }).questions);

/** Checks one file's text; true when it is valid. */
function validateText(io: CliIo, file: string, text: string, values: OptionValues): boolean {
  const json = parseJson(text);
  if (json.success && isBank(json.data)) {
    // A question bank: checked against --framework, or else the built-in framework it names (any other is an error).
    const given = values.framework ? loadFramework(io, values.framework) : null;
    if (given && !given.success) {
      printIssues(io, values.framework!, given.issues);
      return false;
    }
    return validateBank(io, file, json.data, given?.data ?? null);
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
      let valid: boolean;
      try {
        valid = validateText(io, f, text, values);
      } catch (err) {
        // a defect, not the file's fault: still reported against this file, and the other files are checked
        if (err instanceof UsageError) throw err;
        warn(io, `${f}: could not be checked: ${(err as Error | null)?.message ?? String(err)}`);
        valid = false;
      }
      if (!valid) bad++;
    }
    return unreadable ? 2 : bad ? 1 : 0;
  },
};
