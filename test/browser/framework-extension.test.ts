/**
 * A provider's extension of a built-in framework, loaded by URL in every element that takes a framework: the
 * element fetches the extension, the engine resolves its base by built-in id, and the element runs the
 * extended framework. An extension pinned to another version of the base is shown as an error, not applied.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { assess, frameworks } from '@levelfit/engine';
import '../../packages/elements/src/self-assessment/define.js';
import '../../packages/elements/src/level-fit/define.js';
import '../../packages/elements/src/competence-matrix/define.js';
import '../../packages/elements/src/career-levels/define.js';
import type { LfErrorEvent } from '../../packages/elements/src/events/lf-error.js';
import type { LfSelfAssessment } from '../../packages/elements/src/self-assessment/self-assessment.js';
import example from '../../data/extensions/example-clinical-tasks.json';
import { jsonResponse, stubFetch, type FetchStub } from '../support/fetch.js';

type Framed = HTMLElement & { resolvedFramework: { id: string; items: { id: string }[]; extension?: unknown } | null; updateComplete: Promise<boolean> };
const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const URL_OK = new URL('/extensions/example-clinical-tasks.json', location.href).href;
const URL_OLD = new URL('/extensions/for-another-version.json', location.href).href;
const added = 'Give a subcutaneous injection from a prefilled device';

describe('a framework extension loaded by URL', () => {
  let stub: FetchStub;
  beforeEach(() => {
    const other = { ...example, extends: { id: 'clinical-homecare', version: '4.4-draft' } };
    stub = stubFetch({ [URL_OK]: () => jsonResponse(example), [URL_OLD]: () => jsonResponse(other) });
  });
  afterEach(() => {
    stub.restore();
    fixtureCleanup();
  });

  const cases: [string, () => Promise<Framed>][] = [
    ['lf-self-assessment', () => fixture(html`<lf-self-assessment storage="none" framework=${URL_OK} step-size="100"></lf-self-assessment>`)],
    ['lf-competence-matrix', () => fixture(html`<lf-competence-matrix framework=${URL_OK}></lf-competence-matrix>`)],
    ['lf-career-levels', () => fixture(html`<lf-career-levels framework=${URL_OK}></lf-career-levels>`)],
  ];
  for (const [tag, make] of cases) {
    it(`${tag} runs the extended framework`, async () => {
      const el = await make();
      await el.updateComplete;
      expect(stub.calls.map((c) => c.url)).to.deep.equal([URL_OK]);
      expect(el.resolvedFramework?.id).to.equal('example-clinical-tasks');
      expect(el.resolvedFramework?.items.length).to.equal(frameworks['clinical-homecare'].items.length + 3);
      // The form shows its first step only; the matrix lists every item, the level cards every role.
      if (tag === 'lf-career-levels') expect(text(el)).to.contain('Clinical Homecare Technician (example role)');
      if (tag === 'lf-competence-matrix') expect(text(el)).to.contain(added);
      await expect(el).to.be.accessible();
    });
  }

  it('lf-level-fit shows a result of the extended framework, with the added competence in the overlap', async () => {
    const fw = (await fixture<Framed>(html`<lf-competence-matrix framework=${URL_OK}></lf-competence-matrix>`)).resolvedFramework!;
    const ratings: Record<string, number> = {};
    for (const item of fw.items as { id: string; levels: string[] }[]) if (item.levels.includes('supportive')) ratings[item.id] = 2;
    ratings['example-subcutaneous-injection'] = 2;
    const result = await assess(fw as never, { ratings });
    const el = await fixture<Framed & { result: unknown }>(html`<lf-level-fit framework=${URL_OK} .result=${result}></lf-level-fit>`);
    await el.updateComplete;
    expect(el.resolvedFramework?.id).to.equal('example-clinical-tasks');
    expect(text(el)).to.contain(added);
  });

  it('an extension written for another version of the base is an error, never applied', async () => {
    const events: LfErrorEvent[] = [];
    const el = await fixture<LfSelfAssessment>(
      html`<lf-self-assessment storage="none" framework=${URL_OLD} @lf-error=${(e: LfErrorEvent) => events.push(e)}></lf-self-assessment>`,
    );
    await el.updateComplete;
    expect(events.map((e) => e.detail.issues.map((i) => [i.code, i.path.join('.')]))).to.deep.equal([[['version_mismatch', 'extends.version']]]);
    expect(el.resolvedFramework).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('4.4-draft');
  });
});
