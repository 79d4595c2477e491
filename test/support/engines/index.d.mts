// Types of the driver interface in ./index.mjs (the cross-engine journeys and their tests use them).

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export type Key = 'Tab' | 'Shift+Tab' | 'Enter' | 'Space' | 'ArrowDown' | 'ArrowUp' | 'Escape';

export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn(arg)` in the page; `fn` must be self-contained, `arg` and the result JSON. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  press(key: Key): Promise<void>;
  /** Sizes the viewport as near as the engine allows; resolves with the size it got. */
  resize(size: { width: number; height: number }): Promise<{ width: number; height: number }>;
  /** Uncaught errors the protocol reported since the last call (none for WebDriver classic). */
  errors(): string[];
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  readonly version: string;
  /** A fresh page, with storage of its own. */
  open(viewport?: { width?: number; height?: number }): Promise<EnginePage>;
  close(): Promise<void>;
}

export const ENGINES: readonly EngineName[];
export const PACKAGES: Readonly<Record<EngineName, string>>;
export function launchEngine(name: string): Promise<Engine>;
export function waitFor<A, R>(
  page: EnginePage,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
  options?: { timeout?: number; what?: string; interval?: number },
): Promise<R>;
