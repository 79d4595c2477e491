const warned = new Set<string>();

/** A coded console warning for misuse (a bad attribute value), once per code per page; never throws. */
export function warnOnce(code: string, message: string): void {
  if (warned.has(code)) return;
  warned.add(code);
  console.warn(`[levelfit] ${message} (${code})`);
}
