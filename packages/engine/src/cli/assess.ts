/** `levelfit assess RESPONSES.json`: one person's level fit, as a readable report or (--json) the LevelFit. */
import { safeAssess } from '../level-fit/assess.js';
import { parseJson } from '../framework/parse.js';
import type { Framework } from '../framework/schema.js';
import type { AssessOptions, LevelFit } from '../level-fit/types.js';
import type { Command } from './command.js';
import { loadFramework } from './framework-option.js';
import { pct, titleOf } from './format.js';
import { printIssues, read, say, UsageError, type CliIo } from './io.js';
import { safeJson } from './terminal-text.js';

function printFit(io: CliIo, fw: Framework, fit: LevelFit): void {
  // titles and explanations come from the framework file: shown with any control characters escaped
  const out = (line: string) => say(io, line);
  out(`Framework: ${fw.title} (${fw.version})`);
  out(`Best fit: ${titleOf(fw, fit.bestFit)}`);
  if (fit.overlap) out(`Overlap: into ${titleOf(fw, fit.overlap.to)} (${fit.overlap.items.map((i) => i.title).join('; ')})`);
  if (fit.role) out(`Role: ${fit.role.title} (indicative of ${titleOf(fw, fit.role.level)})`);
  out('');
  out('Level                                                  attained  competences  indicators');
  for (const l of fit.levels) {
    const title = titleOf(fw, l.level).padEnd(55).slice(0, 55);
    const comp = `${l.competences.met}/${l.competences.required}`.padStart(11);
    const ind = l.indicators.required ? `${l.indicators.met}/${l.indicators.required} ${pct(l.indicatorCoverage)}` : '-';
    out(`${title} ${(l.attained ? 'yes' : 'no').padEnd(8)} ${comp}  ${ind}`);
  }
  out('');
  if (fit.gaps.target) {
    out(`Gaps to ${titleOf(fw, fit.gaps.target)} (${fit.gaps.items.length}):`);
    for (const g of fit.gaps.items) {
      const label = fw.scale.values.find((v) => v.value === g.rating)?.label ?? String(g.rating);
      out(`  - ${g.title} [${g.kind}, ${label}]`);
    }
    out('');
  }
  out('Why:');
  for (const s of fit.explanation) out(`  ${s}`);
}

export const assessCommand: Command = {
  usage: ['assess RESPONSES.json [options]', 'one person\'s level fit ({"ratings": {"<item id>": 0-3}})'],
  async run({ files, values }, io) {
    if (files.length !== 1) throw new UsageError('assess needs exactly one FILE');
    const fw = loadFramework(io, values.framework);
    if (!fw.success) {
      printIssues(io, values.framework ?? 'framework', fw.issues);
      return 1;
    }
    const file = files[0]!;
    const responses = parseJson(read(io, file));
    if (!responses.success) {
      printIssues(io, file, responses.issues);
      return 1;
    }
    const options: AssessOptions = {};
    if (values.target) options.target = values.target;
    if (values.role) options.role = values.role;
    const res = await safeAssess(fw.data, responses.data, options);
    if (!res.success) {
      printIssues(io, file, res.issues);
      return 1;
    }
    if (values.json) io.out(safeJson(JSON.stringify(res.data, null, 2)));
    else printFit(io, fw.data, res.data);
    return 0;
  },
};
