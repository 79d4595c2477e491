/** The package's own files, by role: all at the package root, beside the manifest. */
export const COURSE_FILES = {
  page: 'index.html',
  launch: 'launch.js',
  styles: 'course.css',
  elements: 'levelfit.all.min.js',
  lms: 'levelfit.lms.min.js',
  framework: 'framework.json',
  bank: 'bank.json',
} as const;
