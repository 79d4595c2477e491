import { waitUntil } from '@open-wc/testing';

/**
 * Puts `Content-Security-Policy: default-src 'self'` (no inline styles, no eval) into this test page before
 * `load` imports levelfit (and so zod and Lit), records every violation, and adds the test that proves the
 * policy is enforced here. Call inside a `describe`; returns the live list of violations.
 */
export function underStrictCsp(load: () => Promise<void>): string[] {
  const violations: string[] = [];
  const record = (e: SecurityPolicyViolationEvent) => violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);

  before(async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "default-src 'self'";
    document.head.prepend(meta);
    document.addEventListener('securitypolicyviolation', record);
    await load();
  });
  after(() => document.removeEventListener('securitypolicyviolation', record));

  it('enforces the policy in this page (an inline style is reported)', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await waitUntil(() => violations.length > 0, 'the CSP is not enforced, so this file proves nothing');
    probe.remove();
    violations.length = 0;
  });

  return violations;
}
