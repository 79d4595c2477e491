/**
 * A question as an interaction, shared by the xAPI statements and the SCORM adapter: both use the SCORM 2004
 * 4th edition interaction model (RTE 4.2.9: `choice` responses are short identifiers delimited by `[,]`,
 * `true-false` responses are `true` or `false`; xAPI 1.0.3 Data 2.4.4.1 "Response Patterns" borrows them).
 */
import type { InteractionModel, LmsQuestion, LmsQuestionResult, LmsTimings } from './types.js';

/** Characters a SCORM short/long identifier may hold as they are (a subset of RFC 3986 URI characters). */
const SAFE_CHAR = /^[A-Za-z0-9\-()+.:=@;$_!*'/#]$/;

/**
 * A SCORM identifier (`short_identifier_type`, 250 characters; `long_identifier_type`, 4000) and xAPI
 * interaction component id from any string: URI-safe characters stay, others are percent-encoded as UTF-8
 * (so `[,]` delimiters and whitespace can never appear), and an id with no word character gets an `id-` prefix.
 */
export function scormIdentifier(raw: string, max: 250 | 4000 = 250): string {
  let out = '';
  for (const ch of raw) {
    if (SAFE_CHAR.test(ch)) out += ch;
    else {
      let enc: string;
      try {
        enc = encodeURIComponent(ch);
      } catch {
        enc = '%EF%BF%BD';
      }
      out += enc === ch ? `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : enc.replace(/~/g, '%7E');
    }
  }
  if (!/[A-Za-z0-9_]/.test(out)) out = `id-${out}`;
  if (out.length > max) {
    out = out.slice(0, max);
    const pct = out.lastIndexOf('%');
    if (pct >= max - 2) out = out.slice(0, pct);
  }
  return out;
}

const TRUE_WORDS = new Set(['true', 'yes']);
const FALSE_WORDS = new Set(['false', 'no']);
const word = (s: string) => s.trim().toLowerCase();

/** The options of a true-false question that mean true and false, or null when they cannot be told apart. */
function trueFalseOptions(q: LmsQuestion): { t: string; f: string } | null {
  if (q.options.length !== 2) return null;
  const t = q.options.find((o) => TRUE_WORDS.has(word(o.id)) || TRUE_WORDS.has(word(o.text)));
  const f = q.options.find((o) => FALSE_WORDS.has(word(o.id)) || FALSE_WORDS.has(word(o.text)));
  return t && f && t !== f ? { t: t.id, f: f.id } : null;
}

/**
 * The interaction for a question and a selection. `true-false` questions whose two options read true/false
 * (or yes/no), one of them correct, become `true-false` interactions; every other question (and a true-false
 * question whose options cannot be told apart) is a `choice` interaction over its options. The type depends on
 * the question only, never on the selection, so every statement about a question carries the same definition. Selected ids that are not options are dropped.
 */
export function interactionModel(q: LmsQuestion, selected: readonly string[]): InteractionModel {
  const known = new Set(q.options.map((o) => o.id));
  const picked = [...new Set(selected)].filter((id) => known.has(id));
  const tf = q.type === 'true-false' ? trueFalseOptions(q) : null;
  const correct = q.options.filter((o) => o.correct);
  if (tf && correct.length === 1) {
    // One of two answers; a selection of both is no true-false response (it is dropped, not guessed).
    const response = picked.length === 1 ? (picked[0] === tf.t ? 'true' : 'false') : null;
    return { interactionType: 'true-false', choices: [], correctPattern: correct[0]!.id === tf.t ? 'true' : 'false', response };
  }
  const correctIds = correct.map((o) => scormIdentifier(o.id));
  return {
    interactionType: 'choice',
    choices: q.options.map((o) => ({ id: scormIdentifier(o.id), text: o.text })),
    correctPattern: correctIds.length ? correctIds.join('[,]') : null,
    response: picked.length ? picked.map((id) => scormIdentifier(id)).join('[,]') : null,
  };
}

/** A SCORM `real(10,7)` / xAPI decimal: at most 7 decimals, no exponent, no `-0`. */
export function formatReal(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(7).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** Round to 7 decimals (the precision SCORM keeps), as a number. */
export const round7 = (x: number): number => Number(formatReal(x));

/** A SCORM 2004 `time (second,10,2)`: `YYYY-MM-DDThh:mm:ss.ssZ` (hundredths; the zone only follows a fraction). */
export function scormTime(date: Date): string {
  return `${date.toISOString().slice(0, 22)}Z`;
}

/** A SCORM 2004 / ISO 8601 `timeinterval (second,10,2)`, e.g. `PT1M5.25S`. */
export function scormDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** Truncate to at most `max` characters (code points), for SCORM's `localized_string_type (SPM 250)`. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * An answered question's result: `correct`; for a partly right answer the fraction of its points (SCORM 2004's
 * `result` and SCORM 1.2's `cmi.interactions.n.result` both allow a number), else the version's word for wrong.
 */
export function interactionResult(qr: Pick<LmsQuestionResult, 'correct' | 'points' | 'maxPoints'>, wrong: 'incorrect' | 'wrong'): string {
  if (qr.correct) return 'correct';
  if (qr.maxPoints > 0 && qr.points > 0 && qr.points < qr.maxPoints) return formatReal(qr.points / qr.maxPoints);
  return wrong;
}

/** A question's description for an LMS: a scenario question keeps its scenario before the prompt, shortened first. */
export function describeQuestion(q: Pick<LmsQuestion, 'prompt' | 'scenario'>, max: number): string {
  if (!q.scenario) return truncate(q.prompt, max);
  const room = max - [...q.prompt].length - 1;
  if (room < 20) return truncate(q.prompt, max);
  return `${truncate(q.scenario, room)} ${q.prompt}`;
}

/** The time of a question's answer (or the fallback), in epoch ms; and its latency in ms when known and sane. */
export function timingOf(timings: LmsTimings | undefined, questionId: string, fallback: number): { at: number; ms: number | undefined } {
  const t = timings && Object.hasOwn(timings, questionId) ? timings[questionId] : undefined;
  const at = t === undefined ? NaN : new Date(t.at).getTime();
  const ms = t?.ms;
  return { at: Number.isFinite(at) ? at : fallback, ms: typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : undefined };
}
