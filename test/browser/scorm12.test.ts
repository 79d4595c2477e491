/**
 * The SCORM 1.2 reporter in Chromium, with real windows: scorm-again's `Scorm12API` on this window as `API`, the
 * content two same-origin iframes down; a real scored quiz is reported through it and read back.
 */
import { expect } from '@open-wc/testing';
import { Scorm12API } from 'scorm-again';
import { quizzes, scoreQuiz } from '../../packages/engine/src/index.js';
import { createScorm12Reporter, findScorm12Api } from '../../packages/engine/src/lms/index.js';

type WithApi = Window & { API?: unknown };

function iframeIn(doc: Document): HTMLIFrameElement {
  const f = doc.createElement('iframe');
  doc.body.append(f);
  return f;
}

describe('SCORM 1.2 in real windows (scorm-again)', () => {
  let frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    delete (window as WithApi).API;
    for (const f of frames) f.remove();
    frames = [];
  });

  it('finds API two iframes up and reports a scored quiz through it', async () => {
    const commits: Record<string, unknown>[] = [];
    const api = new Scorm12API({
      logLevel: 5,
      lmsCommitUrl: 'https://lms.invalid/commit',
      dataCommitFormat: 'flattened',
      httpService: {
        processHttpRequest: (_url: string, params: unknown) => {
          commits.push(JSON.parse(JSON.stringify(params)));
          return { result: true, errorCode: 0 };
        },
        updateSettings() {},
      } as never,
    });
    (window as WithApi).API = api;
    const player = iframeIn(document);
    const content = iframeIn(player.contentDocument!);
    frames.push(player);
    const found = findScorm12Api(content.contentWindow);
    expect(found).to.equal(api);

    const bank = quizzes['lead-practitioner-ksb'];
    const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
    const score = await scoreQuiz(bank, answers);
    const reporter = createScorm12Reporter(found!, { bank: { id: bank.id, version: bank.version } });
    expect(reporter.start().ok).to.equal(true);
    expect(reporter.saveProgress({ [bank.questions[0]!.id]: answers[bank.questions[0]!.id]! }, 1).issues).to.deep.equal([]);
    const tooBig = reporter.saveProgress(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`q-${i}`, ['a-long-option-id']])));
    expect(tooBig.issues.map((i) => i.code)).to.deep.equal(['too_big']);
    expect(api.LMSGetValue('cmi.suspend_data')).to.contain(bank.questions[0]!.id);
    expect(reporter.report(score, bank).issues).to.deep.equal([]);
    expect(api.LMSGetValue('cmi.core.lesson_status')).to.equal('passed');
    expect(api.LMSGetValue('cmi.core.score.raw')).to.equal('100');
    expect(api.LMSGetValue('cmi.interactions._count')).to.equal(String(bank.questions.length));
    expect(api.LMSGetValue('cmi.objectives._count')).to.equal(String(score.items.length));
    expect(reporter.terminate().issues).to.deep.equal([]);
    expect(commits.at(-1)!['cmi.suspend_data']).to.equal('');
  });
});
