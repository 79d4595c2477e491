/**
 * Every story is also a test (STYLE #9): each story module's CSF3 default export and named stories are
 * composed the way Storybook does it (meta args + story args, meta loaders then story loaders, awaited and
 * merged into `loaded`, story render or meta render), rendered into a fixture, and checked with axe.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import * as careerLevels from '../../stories/career-levels.stories.js';
import * as competenceMatrix from '../../stories/competence-matrix.stories.js';
import * as levelFit from '../../stories/level-fit.stories.js';
import * as selfAssessment from '../../stories/self-assessment.stories.js';
import * as quiz from '../../stories/quiz.stories.js';
import * as review from '../../stories/review.stories.js';

type Loader = (context: unknown) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
type Render = (args: Record<string, unknown>, context: Record<string, unknown>) => TemplateResult;
interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  loaders?: Loader[];
  render?: Render;
  /** Run after rendering, as Storybook does (DOM only: no storybook/test helpers). */
  play?: (context: Record<string, unknown>) => Promise<void> | void;
}
interface MetaLike extends StoryLike {
  title: string;
  component: string;
}

const modules = { levelFit, competenceMatrix, careerLevels, selfAssessment, quiz, review } as unknown as Record<
  string,
  Record<string, unknown> & { default: MetaLike }
>;

/** Composes and renders one story; resolves with the story's component element. */
async function renderStory(meta: MetaLike, story: StoryLike, exportName: string): Promise<LitElement> {
  const args = { ...meta.args, ...story.args };
  const context: Record<string, unknown> = { args, argTypes: {}, globals: {}, parameters: {}, name: story.name ?? exportName, loaded: {} };
  const loaders = [...(meta.loaders ?? []), ...(story.loaders ?? [])];
  const loaded = Object.assign({}, ...(await Promise.all(loaders.map((load) => load(context)))));
  const render = story.render ?? meta.render;
  if (!render) throw new Error(`${meta.title} has no render function`);
  const wrapper = await fixture(html`<div>${render(args, { ...context, loaded })}</div>`);
  const el = wrapper.querySelector<LitElement>(meta.component);
  if (!el) throw new Error(`${meta.title} / ${exportName} rendered no <${meta.component}>`);
  await el.updateComplete;
  if (story.play) {
    await story.play({ ...context, loaded, canvasElement: wrapper });
    await el.updateComplete;
  }
  return el;
}

const errors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(e.message);
const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));

describe('stories', () => {
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
  });

  it('covers every element, with at least the agreed states', () => {
    const names = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k !== 'default');
    expect(names(levelFit)).to.include.members([
      'Empty',
      'SupportiveBestFit',
      'AssociateBestFit',
      'AutonomousBestFit',
      'EnhancedBestFit',
      'AdvancedBestFit',
      'Overlap',
      'NoLevelAttained',
      'LongText',
      'CustomTheme',
      'MalformedResult',
      'SelfAndConfirmed',
      'ReviewInProgress',
      'MalformedRecord',
    ]);
    expect(names(competenceMatrix)).to.include.members(['Plain', 'WithRatings']);
    expect(names(careerLevels)).to.include.members(['AllLevels', 'CurrentLevel']);
    expect(names(selfAssessment)).to.include.members([
      'Default',
      'PartlyAnswered',
      'FrameworkError',
      'CustomTheme',
      'StartPage',
      'ErrorSummary',
      'CheckAnswers',
      'Submitted',
      'SubmittedAndSent',
      'StartAgain',
      'KeptResult',
      'TwoTabConflict',
      'Mobile',
      'MobileCheckAnswers',
    ]);
    expect(names(quiz)).to.include.members([
      'Empty',
      'PartlyAnswered',
      'FeedbackShown',
      'ErrorSummary',
      'ResultsPass',
      'ResultsFail',
      'MalformedBank',
      'LongText',
      'CustomTheme',
      'CheckAnswers',
      'Mobile',
    ]);
    expect(names(review)).to.include.members([
      'Submitted',
      'InReview',
      'DifferencesOnly',
      'NotYetReviewed',
      'AddingEvidence',
      'AgreeWithAllRemaining',
      'CheckYourReview',
      'SignOffError',
      'ReturnToPerson',
      'SignedOff',
      'ChangedAfterSignOff',
      'Returned',
      'NotARecord',
      'Mobile',
    ]);
  });

  for (const [moduleName, mod] of Object.entries(modules)) {
    const meta = mod.default;
    describe(meta.title, () => {
      for (const [exportName, story] of Object.entries(mod)) {
        if (exportName === 'default' || typeof story !== 'object' || story === null) continue;
        const s = story as StoryLike;
        it(`${s.name ?? exportName} renders, is never blank, and passes axe`, async () => {
          errors.length = 0;
          const el = await renderStory(meta, s, exportName);
          expect(el.shadowRoot!.textContent!.trim(), `${moduleName}/${exportName} is blank`).to.not.equal('');
          expect(el.shadowRoot!.querySelectorAll('[style]').length, 'inline style attributes').to.equal(0);
          await expect(el).to.be.accessible();
          expect(errors, 'uncaught errors').to.deep.equal([]);
        });
      }
    });
  }

  it('the error stories show an inline alert', async () => {
    const cases: [MetaLike, StoryLike, string][] = [
      [levelFit.default as MetaLike, levelFit.MalformedResult as StoryLike, 'MalformedResult'],
      [careerLevels.default as MetaLike, careerLevels.UnknownCurrentLevel as StoryLike, 'UnknownCurrentLevel'],
      [selfAssessment.default as MetaLike, selfAssessment.FrameworkError as StoryLike, 'FrameworkError'],
      [quiz.default as MetaLike, quiz.MalformedBank as StoryLike, 'MalformedBank'],
      [quiz.default as MetaLike, quiz.ErrorSummary as StoryLike, 'ErrorSummary'],
      [selfAssessment.default as MetaLike, selfAssessment.ErrorSummary as StoryLike, 'ErrorSummary'],
      [review.default as MetaLike, review.NotARecord as StoryLike, 'NotARecord'],
      [levelFit.default as MetaLike, levelFit.MalformedRecord as StoryLike, 'MalformedRecord'],
      [review.default as MetaLike, review.SignOffError as StoryLike, 'SignOffError'],
      [review.default as MetaLike, review.ChangedAfterSignOff as StoryLike, 'ChangedAfterSignOff'],
    ];
    for (const [meta, story, name] of cases) {
      const el = await renderStory(meta, story, name);
      expect(el.shadowRoot!.querySelector('[role="alert"]'), `${meta.title}/${name}`).to.exist;
      fixtureCleanup();
    }
  });

  it('the partly answered story restores the saved draft', async () => {
    const el = await renderStory(selfAssessment.default as MetaLike, selfAssessment.PartlyAnswered as StoryLike, 'PartlyAnswered');
    expect(el.shadowRoot!.textContent).to.match(/restored answers saved on this device/); // no person-key: worded as possibly someone else’s
  });

  it('the self-assessment journey stories show what they say', async () => {
    const sa = selfAssessment.default as MetaLike;
    const show = async (name: string) => {
      const el = (await renderStory(sa, (selfAssessment as Record<string, unknown>)[name] as StoryLike, name)) as LitElement & {
        result: unknown;
      };
      const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      const conflict = el.shadowRoot!.querySelector('[part="notice"][data-notice="conflict"]');
      const open = el.shadowRoot!.querySelectorAll('details[open]').length;
      const result = el.result;
      fixtureCleanup();
      sessionStorage.clear();
      return { text, conflict, open, result };
    };
    expect((await show('StartPage')).text).to.match(/Before you start.*There are \d+ questions/);
    // One story per step, and each opens on its own step: a re-balanced journey must update the stories.
    const stepStories = Object.keys(selfAssessment).filter((k) => /^Step\d+$/.test(k));
    const first = await show('Step1');
    const total = Number(/Step 1 of (\d+)/.exec(first.text)?.[1]);
    expect(stepStories, 'a story for every step').to.have.length(total);
    for (const name of stepStories) {
      expect((await show(name)).text, name).to.contain(`Step ${name.slice(4)} of ${total}`);
    }
    expect((await show('ErrorSummary')).text).to.match(/There is a problem.*Select a rating for/);
    const check = await show('CheckAnswers');
    expect(check.text).to.contain('Check your answers');
    expect(check.open, 'the first section opened').to.equal(1);
    const submitted = await show('Submitted');
    expect(submitted.text).to.match(/Your result is ready.*Your best fit is/);
    expect(submitted.result).to.have.property('bestFit', 'associate');
    expect((await show('SubmittedAndSent')).text).to.contain('Your result has been sent');
    expect((await show('StartAgain')).text).to.contain('Start again?');
    expect((await show('KeptResult')).text).to.match(/Your result from 2 December 2026/);
    const conflict = await show('TwoTabConflict');
    expect(conflict.conflict, 'the conflict notice').to.exist;
    expect(conflict.text).to.contain('Keep mine');
    expect((selfAssessment.Mobile as { globals?: unknown }).globals).to.deep.equal({ viewport: { value: 'mobile1', isRotated: false } });
  });

  it('the quiz stories show what they say', async () => {
    const q = quiz.default as MetaLike;
    const shadow = async (story: unknown, name: string) => {
      const el = await renderStory(q, story as StoryLike, name);
      const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      fixtureCleanup();
      sessionStorage.clear();
      return { el, text };
    };
    expect((await shadow(quiz.PartlyAnswered, 'PartlyAnswered')).text).to.match(/restored answers saved on this device.*Question 4 of/);
    expect((await shadow(quiz.FeedbackShown, 'FeedbackShown')).text).to.match(/Question 2 of .*Partly correct|Question 2 of .*Incorrect/);
    expect((await shadow(quiz.CheckAnswers, 'CheckAnswers')).text).to.match(/restored answers saved on this device.*Check your answers/);
    expect((await shadow(quiz.ResultsPass, 'ResultsPass')).text).to.contain('You passed');
    expect((await shadow(quiz.ResultsFail, 'ResultsFail')).text).to.contain('You did not pass this time');
  });
});
