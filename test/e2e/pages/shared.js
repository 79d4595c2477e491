// A host page on a shared care-home tablet: the signed-in person's id (from `?person=`) becomes the
// self-assessment's person-key; with no one signed in the element has none. `?shared-device` marks the
// tablet as shared, so answers found on it are not shown until the person says they are theirs.
const person = new URLSearchParams(location.search).get('person');
const el = document.createElement('lf-self-assessment');
el.setAttribute('framework', 'clinical-homecare');
el.setAttribute('assessment-key', 'e2e-shared');
if (person) el.setAttribute('person-key', person);
if (new URLSearchParams(location.search).has('shared-device')) el.setAttribute('shared-device', '');
document.getElementById('main').append(el);
