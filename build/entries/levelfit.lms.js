// Entry of dist/levelfit.lms.min.js: the LMS code (xAPI statements and their validation, the LRS sender, the
// SCORM reporters, the cmi5 session) as one file, for a course page that also loads the embed bundle; everything
// `@levelfit/engine/lms` exports.
export * from '../../packages/engine/lib/lms/index.js';
