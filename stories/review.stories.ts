import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/elements/src/review/define.js';
import type { LfReview } from '../packages/elements/src/review/review.js';
import { inReviewRecord, returnedRecord, reviewFramework, signedOffRecord, submittedRecord, tamperedRecord, FULL_REVIEW } from './support/review-records.js';

interface Args {
  storage: 'local' | 'session' | 'none';
  reviewerId: string;
  reviewerName: string;
  reviewerRole: string;
  declaration: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Review',
  component: 'lf-review',
  tags: ['autodocs'],
  // Stories never share drafts with each other or with a real page.
  args: { storage: 'none', reviewerId: 'sup-007', reviewerName: 'Ann Patel', reviewerRole: 'Field care supervisor', declaration: '' },
  argTypes: {
    storage: { control: 'inline-radio', options: ['local', 'session', 'none'] },
    reviewerId: { control: 'text', name: 'reviewer-id' },
    reviewerName: { control: 'text', name: 'reviewer-name' },
    reviewerRole: { control: 'text', name: 'reviewer-role' },
    declaration: { control: 'text', description: 'Empty for levelfit’s own wording' },
  },
  loaders: [async () => ({ record: submittedRecord() })],
  render: (args, { loaded }) =>
    html`<lf-review
      storage=${args.storage}
      reviewer-id=${args.reviewerId}
      reviewer-name=${args.reviewerName}
      reviewer-role=${args.reviewerRole}
      .declaration=${args.declaration || undefined}
      .framework=${reviewFramework}
      .record=${(loaded as { record: unknown }).record}
    ></lf-review>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The review element in a story's canvas, once it has loaded. */
async function reviewIn(canvasElement: HTMLElement): Promise<LfReview> {
  const el = canvasElement.querySelector('lf-review');
  if (!el) throw new Error('no <lf-review> in the story');
  await el.updateComplete;
  return el;
}

async function press(el: LfReview, selector: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
  await el.updateComplete;
}

/** A self-assessment just submitted: nothing reviewed yet. */
export const Submitted: Story = {};

/** Part-way: three ratings agreed, one lowered with a note, four not yet reviewed. */
export const InReview: Story = { loaders: [async () => ({ record: inReviewRecord() })] };

/** The "Different ratings" filter. */
export const DifferencesOnly: Story = {
  loaders: [async () => ({ record: inReviewRecord() })],
  play: async ({ canvasElement }) => press(await reviewIn(canvasElement), '#filter-differences'),
};

/** The "Not yet reviewed" filter. */
export const NotYetReviewed: Story = {
  loaders: [async () => ({ record: inReviewRecord() })],
  play: async ({ canvasElement }) => press(await reviewIn(canvasElement), '#filter-unreviewed'),
};

/** Adding evidence to an item. */
export const AddingEvidence: Story = {
  play: async ({ canvasElement }) => press(await reviewIn(canvasElement), '[data-item="wash-hands"] button[part~="button-add-evidence"]'),
};

/** "Agree with all remaining" asks first. */
export const AgreeWithAllRemaining: Story = {
  loaders: [async () => ({ record: inReviewRecord() })],
  play: async ({ canvasElement }) => press(await reviewIn(canvasElement), 'button[part~="button-agree-all"]'),
};

/** Check your review: the levels side by side, differences first, then the declaration. */
export const CheckYourReview: Story = {
  loaders: [async () => ({ record: inReviewRecord(FULL_REVIEW) })],
  play: async ({ canvasElement }) => {
    const el = await reviewIn(canvasElement);
    await press(el, 'button[part~="button-continue"]');
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  },
};

/** Signing off without confirming the declaration: the error summary. */
export const SignOffError: Story = {
  loaders: [async () => ({ record: inReviewRecord() })],
  play: async ({ canvasElement }) => {
    const el = await reviewIn(canvasElement);
    await press(el, 'button[part~="button-continue"]');
    await press(el, 'button[part~="button-sign-off"]');
  },
};

/** Sending the record back to the person, with a reason. */
export const ReturnToPerson: Story = {
  loaders: [async () => ({ record: inReviewRecord() })],
  play: async ({ canvasElement }) => press(await reviewIn(canvasElement), 'button[part~="button-return"]'),
};

/** Signed off, and verified: read-only. */
export const SignedOff: Story = {
  loaders: [async () => ({ record: await signedOffRecord() })],
  play: async ({ canvasElement }) => {
    const el = await reviewIn(canvasElement);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  },
};

/** Changed after it was signed off: read-only, with a warning. */
export const ChangedAfterSignOff: Story = {
  loaders: [async () => ({ record: await tamperedRecord() })],
  play: SignedOff.play!,
};

/** Sent back to the person: read-only, with the reason. */
export const Returned: Story = { loaders: [async () => ({ record: returnedRecord() })] };

/** Part-way through a review on a 320 px phone (Storybook's "Small mobile" viewport). */
export const Mobile: Story = {
  name: 'Mobile (320 px)',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  loaders: [async () => ({ record: inReviewRecord() })],
};

/** Not a valid record (an evidence link that would run script): the inline error. */
export const NotARecord: Story = {
  loaders: [
    async () => {
      const bad = JSON.parse(JSON.stringify(inReviewRecord()));
      bad.review.items.mentoring.evidence = [{ kind: 'link', label: 'Click me', date: '2026-12-01', ref: 'javascript:alert(1)' }];
      return { record: bad };
    },
  ],
};
