// WebKitGTK behind the driver interface of ./index.mjs: WebKitWebDriver (Debian webkit2gtk-driver) drives
// MiniBrowser, which needs a display, so the driver runs under xvfb-run. selenium-webdriver is the W3C
// WebDriver client. The driver runs in its own process group, ended as a whole, or Xvfb would outlive us.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, Key } from 'selenium-webdriver';

const KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Escape: Key.ESCAPE };

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function launchWebKit() {
  const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? 'WebKitWebDriver';
  const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', DRIVER, `--port=${port}`], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (err) => {
      stderr += String(err); // xvfb-run itself is missing
      resolve(-1);
    });
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop); // a run that crashes must not leave Xvfb and the driver behind
  const url = `http://127.0.0.1:${port}`;
  try {
    // Generous: on two busy cores Xvfb and the driver have taken several seconds to come up.
    for (const until = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 100))) {
      const ready = await fetch(`${url}/status`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 0))]);
      if (code !== null) throw new Error(`WebKitWebDriver exited (${code}): ${stderr.trim() || 'no output'}`);
      if (Date.now() > until) throw new Error(`WebKitWebDriver did not answer on ${url} within 60 s: ${stderr.trim()}`);
    }
  } catch (err) {
    stop();
    throw err;
  }

  // WebKitWebDriver drives one MiniBrowser session at a time, and starting one takes seconds: the engine keeps
  // one, and each page it opens starts from empty storage (the last page's origins are cleared when it closes).
  let driver;
  try {
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
      .build();
    await driver.manage().setTimeouts({ script: 60_000 });
  } catch (err) {
    stop();
    throw err;
  }
  const caps = await driver.getCapabilities();
  const inner = () => run('return { width: window.innerWidth, height: window.innerHeight };');
  /** Runs a script body in the page and resolves with its result, rejecting with the page's error. */
  async function run(body, arg = null) {
    // Execute Async Script: WebKitWebDriver answers it in milliseconds, Execute Script only after ~100 ms.
    const out = await driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve(arguments[0]).then((arg) => (function (arg) { ${body} })(arg))
         .then((value) => done({ value: value === undefined ? null : value }), (e) => done({ error: String((e && e.stack) || e) }));`,
      arg,
    );
    if (out.error) throw new Error(`webkit: in the page: ${out.error}`);
    return out.value;
  }
  let open = null;
  const engine = {
    name: 'webkit',
    version: `${caps.get('browserName')} ${caps.get('browserVersion')}`,
    async open({ width = 1280, height = 900 } = {}) {
      if (open) throw new Error('webkit: one page at a time (WebKitWebDriver has one session)');
      const origins = new Set();
      const page = {
        engine: 'webkit',
        async goto(to) {
          const { origin } = new URL(to);
          if (origin.startsWith('http')) origins.add(origin); // data: and about: pages keep no storage of their own
          await driver.get(to);
        },
        reload: () => driver.navigate().refresh(),
        evaluate: (fn, arg) => run(`return (${fn.toString()})(arg);`, arg ?? null),
        async press(key) {
          const actions = driver.actions({ async: true });
          if (key === 'Shift+Tab') await actions.keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
          else await actions.sendKeys(KEYS[key] ?? key).perform();
        },
        /**
         * Sizes the window so the page's viewport (innerWidth × innerHeight) is the one asked for, as far as
         * the window can go: MiniBrowser's toolbar keeps its window at least about 450 px wide, so narrow
         * layouts are checked in a 320 px iframe instead (test/e2e/pages/reflow-frame.html). Returns the size.
         */
        async resize({ width: w, height: h }) {
          for (let i = 0, now = await inner(); i < 3 && (now.width !== w || now.height !== h); i++, now = await inner()) {
            const rect = await driver.manage().window().getRect();
            await driver.manage().window().setRect({ width: rect.width + w - now.width, height: rect.height + h - now.height });
          }
          return inner();
        },
        errors: () => [],
        async close() {
          // Any path of the origin gives a document of it (a 404 will do) to clear its storage from.
          for (const origin of origins) {
            await driver.get(`${origin}/levelfit-e2e-clear-storage`);
            await run('localStorage.clear(); sessionStorage.clear();');
          }
          await driver.manage().deleteAllCookies();
          await driver.get('about:blank');
          open = null;
        },
      };
      open = page;
      await page.resize({ width, height });
      return page;
    },
    async close() {
      await driver.quit().catch(() => {});
      stop();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    },
  };
  return engine;
}
