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
// Uncaught errors and rejections too: WebDriver classic (the WebKit suite) has no event for them.
window.__lfErrors = window.__lfErrors || [];
window.addEventListener('error', function (e) {
  window.__lfErrors.push(String(e.message || e.error || 'error') + ' at ' + e.filename + ':' + e.lineno);
});
window.addEventListener('unhandledrejection', function (e) {
  window.__lfErrors.push('unhandled rejection: ' + String(e.reason && e.reason.message ? e.reason.message : e.reason));
});
