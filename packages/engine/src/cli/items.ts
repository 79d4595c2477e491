/**
 * `levelfit items FRAMEWORK`: a framework's item ids, codes and titles, for people writing question banks (each
 * question names the items it evidences by id).
 */
import type { Framework } from '../framework/schema.js';

export interface ItemsIo {
  out: (line: string) => void;
}

/** One line per item: id, code (or -), kind and title, tab-separated; with `json`, one JSON array. */
export function printItems(io: ItemsIo, fw: Framework, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(fw.items.map((i) => ({ id: i.id, code: i.code ?? null, kind: i.kind, title: i.title, levels: i.levels }))));
    return;
  }
  io.out(`${fw.title} (${fw.id} ${fw.version}): ${fw.items.length} items`);
  io.out(['id', 'code', 'kind', 'title'].join('\t'));
  for (const i of fw.items) io.out([i.id, i.code ?? '-', i.kind, i.title].join('\t'));
}
