// Debian Chromium for the playwright-core suites (test/csp, test/e2e): never a downloaded browser. CHROMIUM_PATH
// overrides the path; the flags keep a closed network quiet (see ../shared/notes/toolchain-probe.md).
import { chromium } from 'playwright-core';

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts headless Chromium with the flags every suite here uses. */
export function launchChromium() {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
