/**
 * Text a terminal can trust. Names and messages come from files anyone may have written: a newline inside a
 * quoted CSV name would read as a second person, and ESC / OSC / CSI sequences could recolour the terminal,
 * retitle it, or hide lines. Every control character is shown as an escape instead (`\n`, `\x1b`, `\u009b`).
 */

// C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators and bidirectional overrides that
// reorder what is shown (the "Trojan Source" characters).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every control character written as a visible escape; text without one is returned as it is. */
export function visible(s: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s) ? s.replace(CONTROL, escape) : s;
}

/** JSON text (from JSON.stringify) with the characters JSON leaves raw but a terminal acts on escaped as \uXXXX. */
export function safeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
