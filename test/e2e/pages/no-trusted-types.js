// Loaded first on a `?no-tt` page (see ../server.mjs): the page then runs as in a browser without Trusted
// Types, so the elements' fallback (no policy, plain strings into lit's templates) is what gets tested.
(function () {
  for (var o = window; o; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, 'trustedTypes')) delete o.trustedTypes;
  }
  window.__lfNoTrustedTypes = !('trustedTypes' in window);
})();
