// The demo's records client: how a provider's page talks to its records API (here the demo server's
// /api/records, scripts/records-api.mjs). Every save sends the ETag it read, so a save made from a stale copy
// fails with 412 instead of overwriting someone else's work.

/** Reads a record: `{ record, etag }`, or `{ record: null, etag: null }` when there is none yet. */
export async function getRecord(id) {
  const res = await fetch(`/api/records/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
  if (res.status === 404) return { record: null, etag: null };
  if (!res.ok) throw new Error(`The record could not be loaded (${res.status}).`);
  return { record: await res.json(), etag: res.headers.get('ETag') };
}

/** Like `getRecord`, but asks the list first, so a person with no record yet causes no 404 in the console. */
export async function findRecord(id) {
  const listed = (await listRecords()).some((r) => r.id === id);
  return listed ? getRecord(id) : { record: null, etag: null };
}

/** Lists the records the server holds (newest first). */
export async function listRecords() {
  const res = await fetch('/api/records', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`The list of records could not be loaded (${res.status}).`);
  return res.json();
}

/**
 * Saves a record: over the copy with `etag`, or as a new record when `etag` is null.
 * Resolves `{ ok: true, record, etag }`, or `{ ok: false, status, message, current }` (412: someone saved first).
 */
export async function putRecord(id, record, etag) {
  const headers = { 'Content-Type': 'application/json' };
  if (etag) headers['If-Match'] = etag;
  else headers['If-None-Match'] = '*';
  let res;
  try {
    res = await fetch(`/api/records/${encodeURIComponent(id)}`, { method: 'PUT', headers, body: JSON.stringify(record) });
  } catch {
    return { ok: false, status: 0, message: 'You seem to be offline. Your work is kept on this device: try again when you are back online.' };
  }
  const body = await res.json().catch(() => null);
  if (res.ok) return { ok: true, record: body, etag: res.headers.get('ETag') };
  if (res.status === 412) {
    const current = body?.error?.record ?? null;
    const who = current?.signOff?.by?.name ?? current?.review?.reviewer?.name ?? 'Someone else';
    return { ok: false, status: 412, current, etag: body?.error?.etag ?? null, message: `${who} saved this record after you opened it. Your review is kept on this device. Reload the record to see their changes.` };
  }
  return { ok: false, status: res.status, message: body?.error?.message ?? `The record could not be saved (${res.status}).` };
}
