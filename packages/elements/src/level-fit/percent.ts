import { currentLocale } from '../localize/localize.js';

/** A whole-number percentage, rounded down so that "100%" is only ever shown for everything. */
export function percent(share: number): string {
  const floored = Math.floor(Math.max(0, Math.min(1, share)) * 100) / 100;
  return new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(floored);
}
