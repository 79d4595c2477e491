/** True for an object that is not null and not an array: the engine's input-guard check, defined once there. */
export { isPlainObject } from '@levelfit/engine/internal';
