export { configureLocalization, currentLocale, sourceLocale, type LocalizationHandle, type LocalizationOptions } from './localize.js';
