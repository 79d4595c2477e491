/**
 * The SCORM 2004 adapter in Chromium, with real windows: scorm-again's `Scorm2004API` on this window as
 * `API_1484_11`, the content two same-origin iframes down, and a pop-up whose opener holds the API.
 * The reporter then runs a real scored quiz through it and the values are read back with scorm-again's GetValue.
 */
import { expect } from '@open-wc/testing';
import { Scorm2004API } from 'scorm-again';
import { quizzes, scoreQuiz } from '../../packages/engine/src/index.js';
import { createScormReporter, findScormApi } from '../../packages/engine/src/lms/index.js';

type WithApi = Window & { API_1484_11?: unknown };

function newApi(commits: Record<string, unknown>[]) {
  return new Scorm2004API({
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
}

function iframeIn(doc: Document): HTMLIFrameElement {
  const f = doc.createElement('iframe');
  doc.body.append(f);
  return f;
}

describe('SCORM 2004 in real windows (scorm-again)', () => {
  let frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    delete (window as WithApi).API_1484_11;
    for (const f of frames) f.remove();
    frames = [];
  });

  it('finds the API two iframes up and reports a scored quiz through it', async () => {
    const commits: Record<string, unknown>[] = [];
    const api = newApi(commits);
    (window as WithApi).API_1484_11 = api;
    const player = iframeIn(document);
    const content = iframeIn(player.contentDocument!);
    frames.push(player);
    expect(content.contentWindow!.parent).to.equal(player.contentWindow);

    const found = findScormApi(content.contentWindow);
    expect(found).to.equal(api);

    const bank = quizzes['clinical-homecare-core'];
    const answers = Object.fromEntries(bank.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
    const score = await scoreQuiz(bank, answers);
    const reporter = createScormReporter(found!, { bank: { id: bank.id, version: bank.version } });
    expect(reporter.start().ok).to.equal(true);
    expect(reporter.saveProgress({ [bank.questions[0]!.id]: answers[bank.questions[0]!.id]! }, 1).issues).to.deep.equal([]);
    expect(reporter.report(score, bank).issues).to.deep.equal([]);
    expect(api.GetValue('cmi.success_status')).to.equal('passed');
    expect(api.GetValue('cmi.completion_status')).to.equal('completed');
    expect(api.GetValue('cmi.score.scaled')).to.equal('1');
    expect(api.GetValue('cmi.interactions._count')).to.equal(String(bank.questions.length));
    expect(api.GetValue('cmi.objectives._count')).to.equal(String(score.items.length));
    expect(reporter.terminate().issues).to.deep.equal([]);
    expect(commits.at(-1)!['cmi.exit']).to.equal('normal');
  });

  it('finds the API through the opener of a pop-up', () => {
    const api = newApi([]);
    (window as WithApi).API_1484_11 = api;
    const popup = window.open('about:blank', '_blank');
    if (!popup) throw new Error('the browser blocked window.open');
    try {
      expect(popup.opener).to.equal(window);
      expect(findScormApi(popup)).to.equal(api);
    } finally {
      popup.close();
    }
  });

  it('returns null when no window in reach has an API', () => {
    const player = iframeIn(document);
    frames.push(player);
    expect(findScormApi(player.contentWindow)).to.equal(null);
  });
});
