// Types of chromium.mjs for the TypeScript suites that start Chromium (test/package).
import type { Browser } from 'playwright-core';
export declare const executablePath: string;
export declare function launchChromium(): Promise<Browser>;
