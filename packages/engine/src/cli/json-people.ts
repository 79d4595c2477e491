/**
 * The people in a JSON staff export, one at a time, without holding the file: the elements of a top-level
 * array, or of the array under the top-level key "people". The scanner only tracks strings and brackets; each
 * element's text is then given to JSON.parse, so a person written wrongly (a missing quote around a key, a
 * trailing comma) is that person's problem and the rest are still read. A bracket that closes the wrong kind
 * of bracket, or text after the end, is a problem of the file: the people before it have been read already.
 */

/** One element of the people array: its text, or why it was not kept. */
export type JsonElement = { text: string } | { tooBig: number };

/** The file as a whole is not a JSON list of people. */
export class JsonShapeError extends Error {}

/** Past this many characters one person is reported as too big rather than kept in memory. */
export const MAX_PERSON_CHARS = 1_000_000;
/** Past this depth the file is rejected (people are checked deeper by JSON.parse and the engine). */
const MAX_DEPTH = 1000;

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

export const NOT_A_LIST = 'expected an array of people (or {"people": [...]})';

export class PeopleScanner {
  /** Open brackets, innermost last. */
  private readonly stack: number[] = [];
  /** Depth of the people array's elements (1 for a top-level array, 2 under "people"); 0 until found. */
  private peopleDepth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private rootDone = false;
  private sawRoot = false;
  /** The element being read: its parts so far, their length, or -1 when not in an element. */
  private parts: string[] = [];
  private partsLength = -1;
  private tooBig = false;
  /** A key of the root object being read (only short ones matter), and the last complete one. */
  private key: string | null = null;
  private lastKey: string | null = null;
  /** The last character that was not white space, outside strings. */
  private lastSignificant = 0;

  /** The fault that ended the scan, if any (the elements before it were still returned). */
  error: JsonShapeError | undefined;

  /** Feeds the next piece of text; returns the elements it completed before the end or a fault. */
  push(text: string): JsonElement[] {
    const out: JsonElement[] = [];
    if (this.error) return out;
    try {
      this.scan(text, out);
    } catch (err) {
      if (!(err instanceof JsonShapeError)) throw err;
      this.error = err;
    }
    return out;
  }

  private scan(text: string, out: JsonElement[]): void {
    let start = this.partsLength >= 0 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        if (this.key !== null) {
          if (this.inString) {
            if (this.key.length < 64) this.key += text[i];
          } else {
            this.lastKey = this.key;
            this.key = null;
          }
        }
        continue;
      }
      if (WS.has(c)) continue;
      const depth = this.stack.length;
      if (this.rootDone) throw this.fail('there is more text after the end of the JSON');
      if (depth === 0 && this.sawRoot) throw this.fail('there is more text after the end of the JSON');
      // an element of the people array ends at the comma or bracket after it
      if (depth === this.peopleDepth && this.peopleDepth > 0 && (c === COMMA || c === CLOSE_ARRAY)) {
        if (this.partsLength >= 0) {
          out.push(this.finishElement(text, start, i));
          start = -1;
        } else if (c === COMMA || this.lastSignificant === COMMA) {
          throw this.fail(c === COMMA ? 'a comma with no person before it' : 'a comma before "]" with no person after it');
        }
      } else if (depth === this.peopleDepth && this.peopleDepth > 0 && this.partsLength < 0) {
        if (this.lastSignificant !== OPEN_ARRAY && this.lastSignificant !== COMMA) throw this.fail('a comma is missing between two people');
        this.partsLength = 0;
        this.parts = [];
        this.tooBig = false;
        start = i;
      }
      if (c === QUOTE) {
        this.inString = true;
        // a key of the root object: remember it (cut short) to find "people"
        if (depth === 1 && this.stack[0] === OPEN_OBJECT && (this.lastSignificant === OPEN_OBJECT || this.lastSignificant === COMMA)) this.key = '';
      } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        if (depth === 0) {
          this.sawRoot = true;
          if (c === OPEN_ARRAY) this.peopleDepth = 1;
        } else if (depth === 1 && c === OPEN_ARRAY && this.stack[0] === OPEN_OBJECT && this.lastSignificant === COLON && this.lastKey === 'people') {
          if (this.peopleDepth === 0) this.peopleDepth = 2;
        }
        if (depth >= MAX_DEPTH) throw this.fail(`nesting is deeper than ${MAX_DEPTH} levels`);
        this.stack.push(c);
      } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
        const open = this.stack.pop();
        if (open === undefined || (open === OPEN_ARRAY) !== (c === CLOSE_ARRAY)) throw this.fail(`"${String.fromCharCode(c)}" does not close the bracket before it`);
        if (this.stack.length === 0) this.rootDone = true;
        if (this.stack.length < this.peopleDepth && this.stack.length === this.peopleDepth - 1 && c === CLOSE_ARRAY) {
          // the people array itself closed: later arrays under other keys are not people
          this.peopleDepth = -1;
        }
      } else if (depth === 0) {
        throw this.fail(NOT_A_LIST);
      }
      this.lastSignificant = c;
    }
    if (this.partsLength >= 0 && start >= 0) this.keep(text, start, text.length);
  }

  /** Call at the end of the input: throws if the JSON is not complete, or holds no people array. */
  end(): void {
    if (this.error) throw this.error;
    if (!this.sawRoot || this.peopleDepth === 0) throw new JsonShapeError(NOT_A_LIST);
    if (this.inString || this.stack.length > 0) throw this.fail('the file ends before the JSON does');
  }

  private keep(text: string, from: number, to: number): void {
    if (this.tooBig) {
      this.partsLength += to - from;
      return;
    }
    this.partsLength += to - from;
    if (this.partsLength > MAX_PERSON_CHARS) {
      this.tooBig = true;
      this.parts = [];
      return;
    }
    this.parts.push(text.slice(from, to));
  }

  private finishElement(text: string, start: number, end: number): JsonElement {
    if (start >= 0) this.keep(text, start, end);
    const element: JsonElement = this.tooBig ? { tooBig: this.partsLength } : { text: this.parts.join('') };
    this.parts = [];
    this.partsLength = -1;
    return element;
  }

  private fail(message: string): JsonShapeError {
    return new JsonShapeError(message === NOT_A_LIST ? message : `not valid JSON at line ${this.line}: ${message}`);
  }
}
