import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number as it is read aloud ("39" → "thirty nine"), so figures count the syllables a reader says. */
export function spoken(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return `${TENS[Math.floor(n / 10)]}${n % 10 ? ` ${ONES[n % 10]}` : ''}`;
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${spoken(n % 100)}` : ''}`;
  return `${spoken(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${spoken(n % 1000)}` : ''}`;
}

/** The Flesch-Kincaid grade of a text (a US school grade; a reading age of about 9 is grade 4). */
export function grade(text: string): number {
  const said = text.replace(/\d+/g, (d) => ` ${spoken(Number(d))} `);
  const sentences = said.split(/[.?!]+/).filter((s) => /[A-Za-z]/.test(s)).length;
  const words = said.match(/[A-Za-z’']+/g) ?? [];
  return fleschKincaid({ sentence: Math.max(1, sentences), word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) });
}
