// Entry of dist/levelfit.all.min.js: registers every element and exports the whole engine (every built-in
// framework and question bank) and every element class, with the cmi5 connectors (which import no engine code:
// the session comes from dist/levelfit.lms.min.js).
import '../../packages/elements/lib/define.js';

export * from '../../packages/engine/lib/index.js';
export * from '../../packages/elements/lib/index.js';
export * from '../../packages/elements/lib/cmi5.js';
