// Replaces eventemitter2 (about 5 kB gzip) in the browser builds. json-rules-engine's Engine and Rule extend
// it and make only three calls: the constructor (as `Super.call(this)`, so this must be a plain function, not
// a class), `on(type, listener)` for a rule's onSuccess / onFailure, and `emitAsync(type, ...args)` for
// 'success', 'failure' and the rule's event type. This file does exactly those, as eventemitter2 does them;
// test/node/replacement-eventemitter2.test.ts runs both side by side.
export const __esModule = true; // json-rules-engine's Babel interop reads `.default` only from such a module

export default function EventEmitter() {
  this._lf = new Map();
}

EventEmitter.prototype.on = function (type, listener) {
  if (typeof listener !== 'function') throw new Error('on only accepts instances of Function');
  const list = this._lf.get(type);
  if (list) list.push(listener);
  else this._lf.set(type, [listener]);
  return this;
};

EventEmitter.prototype.emitAsync = function (type, ...args) {
  const list = this._lf.get(type);
  // eventemitter2 rejects an 'error' event nobody listens to, with the error itself when it is one.
  if (!list && type === 'error') return Promise.reject(args[0] instanceof Error ? args[0] : "Uncaught, unspecified 'error' event.");
  return Promise.all((list ?? []).slice().map((listener) => ((this.event = type), listener.apply(this, args))));
};
