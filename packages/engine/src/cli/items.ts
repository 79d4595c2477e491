/**
 * `levelfit items FRAMEWORK`: a framework's item ids, codes and titles, for people writing question banks (each
 * question names the items it evidences by id).
 */
import type { Framework } from '../framework/schema.js';
import type { Command } from './command.js';
import { loadFramework } from './framework-option.js';
import { printIssues, say, UsageError, type CliIo } from './io.js';
import { safeJson, visible } from './terminal-text.js';

/** One line per item: id, code (or -), kind and title, tab-separated; with `json`, one JSON array. */
export function printItems(io: CliIo, fw: Framework, json: boolean): void {
  if (json) {
    io.out(safeJson(JSON.stringify(fw.items.map((i) => ({ id: i.id, code: i.code ?? null, kind: i.kind, title: i.title, levels: i.levels })))));
    return;
  }
  say(io, `${fw.title} (${fw.id} ${fw.version}): ${fw.items.length} items`);
  io.out(['id', 'code', 'kind', 'title'].join('\t'));
  // Tabs separate the cells; anything a terminal would act on inside a cell is shown as an escape.
  for (const i of fw.items) io.out([i.id, i.code ?? '-', i.kind, i.title].map(visible).join('\t'));
}

export const itemsCommand: Command = {
  usage: ['items FRAMEWORK [--json]', "a framework's item ids, codes and titles (for writing question banks)"],
  run({ files, values }, io) {
    if (files.length !== 1) throw new UsageError('items needs exactly one FRAMEWORK (a built-in id or a file)');
    const fw = loadFramework(io, files[0]);
    if (!fw.success) {
      printIssues(io, files[0]!, fw.issues);
      return 1;
    }
    printItems(io, fw.data, values.json);
    return 0;
  },
};
