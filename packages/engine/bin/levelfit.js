#!/usr/bin/env node
// The `levelfit` command. npm links a package's bins at install time, before `lib/` is built (and skips a bin
// whose file is missing), so the bin is this committed file, which runs the compiled CLI from lib/cli/index.js.
let cli;
try {
  cli = await import('../lib/cli/index.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !/lib[\\/]cli[\\/]index\.js/.test(String(err.message))) throw err;
  process.stderr.write('levelfit: the engine is not built yet: run "npm run build:lib" first\n');
  process.exit(2);
}
await cli.runProgram(process.argv.slice(2));
