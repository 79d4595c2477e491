// Loaded first, as a classic external script (the CSP allows no inline script): records every
// securitypolicyviolation (CSP and Trusted Types) for test/e2e/run.mjs to read.
window.__lfViolations = window.__lfViolations || [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__lfViolations.push({
    directive: e.violatedDirective,
    effective: e.effectiveDirective,
    blocked: e.blockedURI,
    sample: e.sample,
    source: e.sourceFile,
    line: e.lineNumber,
  });
});
