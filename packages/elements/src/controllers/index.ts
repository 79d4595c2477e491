export * from './assessment-controller.js';
export * from './draft-controller.js';
export * from './framework-controller.js';
export * from './level-fit-controller.js';
export * from './quiz-controller.js';
export * from './steps.js';
