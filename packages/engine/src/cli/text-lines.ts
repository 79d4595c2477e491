/**
 * The lines of a byte stream, one at a time, with their line numbers, holding no more than one line: a line
 * longer than the limit is reported by its length and skipped rather than buffered without end. A leading
 * UTF-8 byte order mark is dropped; "\r\n" and "\n" both end a line.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export type TextLine = { line: number; text: string } | { line: number; tooLong: number };

/** Past this many characters a line is reported as too long (no person needs a megabyte). */
export const MAX_LINE_CHARS = 1_000_000;

export async function* textLines(input: Readable, max = MAX_LINE_CHARS): AsyncGenerator<TextLine> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let pendingLong = 0; // characters of an over-long line seen so far (its text is not kept)
  let line = 1;
  let first = true;
  const take = function* (text: string, last: boolean): Generator<TextLine> {
    if (first && text) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      const piece = text.slice(from, nl);
      from = nl + 1;
      if (pendingLong || pending.length + piece.length > max) yield { line, tooLong: pendingLong + pending.length + piece.length };
      else {
        const full = pending + piece;
        yield { line, text: full.endsWith('\r') ? full.slice(0, -1) : full };
      }
      pending = '';
      pendingLong = 0;
      line++;
    }
    const rest = text.slice(from);
    if (pendingLong || pending.length + rest.length > max) {
      pendingLong += pending.length + rest.length;
      pending = '';
    } else pending += rest;
    if (last && (pending || pendingLong)) {
      yield pendingLong ? { line, tooLong: pendingLong } : { line, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
    }
  };
  for await (const chunk of input) yield* take(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer), false);
  yield* take(decoder.end(), true);
}
