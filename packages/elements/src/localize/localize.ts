import { configureLocalization as configureLit, type LocaleModule } from '@lit/localize';

/**
 * levelfit's strings are written in British English and pass through `msg()` from `@lit/localize` in runtime
 * mode. With no configuration the elements render en-GB. A provider who wants another language (Welsh, say)
 * lists it in `lit-localize.json` beside this file, then from the repository root runs
 * `npx lit-localize extract --config packages/elements/src/localize/lit-localize.json` (XLIFF in `./xliff`),
 * translates the XLIFF, runs `… build --config …` (locale modules in `./locales`), and calls
 * `configureLocalization` once, before or after the elements load:
 *
 *   import { configureLocalization } from '@levelfit/elements';
 *   const { setLocale } = configureLocalization({
 *     targetLocales: ['cy'],
 *     loadLocale: (locale) => import(`/levelfit-locales/${locale}.js`),
 *   });
 *   await setLocale('cy');
 *
 * Elements are `@localized()`, so they re-render when the locale changes. Framework text (titles, scale
 * labels, roles) is the provider's own data and is never translated by levelfit.
 */

/** The locale levelfit's source strings are written in. */
export const sourceLocale = 'en-GB';

export interface LocalizationOptions {
  /** Locale codes you provide translations for (not including `en-GB`). */
  targetLocales: readonly string[];
  /** Returns the module for a locale: `{ templates }` as `lit-localize build` writes it in runtime mode. */
  loadLocale: (locale: string) => Promise<LocaleModule>;
}

export interface LocalizationHandle {
  getLocale: () => string;
  setLocale: (locale: string) => Promise<void>;
}

let handle: LocalizationHandle | undefined;

/**
 * Turns on runtime localization for every levelfit element on the page. `@lit/localize` allows one
 * configuration per page, so a second call returns the first handle (with a dev warning) rather than throwing.
 */
export function configureLocalization(options: LocalizationOptions): LocalizationHandle {
  if (handle) {
    console.warn('[levelfit] configureLocalization was called twice; keeping the first configuration. (lf-localize-twice)');
    return handle;
  }
  const configured = configureLit({
    sourceLocale,
    targetLocales: options.targetLocales.filter((l) => l !== sourceLocale),
    loadLocale: options.loadLocale,
  });
  handle = { getLocale: configured.getLocale, setLocale: configured.setLocale };
  return handle;
}

/** The active locale: the source locale until `configureLocalization` has been called and a locale set. */
export function currentLocale(): string {
  return handle ? handle.getLocale() : sourceLocale;
}
