export { LfCompetenceMatrix, checkRatings, type MatrixRatings } from './competence-matrix.js';
