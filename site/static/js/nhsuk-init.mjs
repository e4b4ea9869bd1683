// nhsuk-frontend's components (the header's "More" menu, skip link focus), under a strict CSP:
// the classes its inline snippet would set are set here.
import { initAll } from '../nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
