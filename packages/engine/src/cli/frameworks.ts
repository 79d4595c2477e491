/** `levelfit frameworks`: list the built-in frameworks, one per line (id, tab, title and version). */
import { BUILTIN_IDS, frameworks } from '../framework/builtin.js';
import type { Command } from './command.js';
import { visible } from './terminal-text.js';

export const frameworksCommand: Command = {
  usage: ['frameworks', 'list the built-in frameworks'],
  run(_args, io) {
    for (const id of BUILTIN_IDS) io.out(`${id}\t${visible(`${frameworks[id].title} (${frameworks[id].version})`)}`);
    return 0;
  },
};
