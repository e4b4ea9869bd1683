// nhsuk-frontend's components (the header's "More" menu, skip link focus), under a strict CSP:
// the classes its inline snippet would set are set here. A classic script, deferred after
// static/nhsuk/nhsuk-frontend.min.js (made a classic script that sets `NHSUKFrontend` when the
// site is built), so it runs from file:// too.
(function () {
  'use strict';
  document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
  if (globalThis.NHSUKFrontend) globalThis.NHSUKFrontend.initAll();
})();
