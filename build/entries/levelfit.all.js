// Entry of dist/levelfit.all.min.js: registers every element and exports the whole engine (every built-in
// framework and question bank) and every element class.
import '../../packages/elements/lib/define.js';

export * from '../../packages/engine/lib/index.js';
export * from '../../packages/elements/lib/index.js';
