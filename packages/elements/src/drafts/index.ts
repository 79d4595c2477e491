export * from './envelope.js';
export * from './storage.js';
