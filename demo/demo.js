// The demo intranet page's own script: the embed bundle registers the elements; this file only wires them
// together. A provider's page would do the same: listen for lf-submit on document and pass the result on,
// and for lf-restore, which brings back the person's last result after a reload or a later visit.
const levelFit = document.getElementById('level-fit');
const matrix = document.getElementById('matrix');
const careerLevels = document.getElementById('career-levels');

function show({ result, responses }) {
  levelFit.result = result;
  matrix.ratings = responses.ratings;
  if (result.bestFit) careerLevels.setAttribute('current', result.bestFit);
  else careerLevels.removeAttribute('current');
}

document.addEventListener('lf-submit', (event) => show(event.detail));
document.addEventListener('lf-restore', (event) => show(event.detail.submission));

document.addEventListener('lf-error', (event) => {
  // The element shows the problem inline; a real page might also log it for the intranet team.
  console.warn('[demo] levelfit reported a problem:', event.detail.issues);
});
