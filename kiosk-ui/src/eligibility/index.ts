export * from './types.js';
export * from './citation.js';
export * from './catalogue.js';
export { assessEligibility, ageOn } from './engine.js';
export { birthDateOf, idCheckCharacter, isValidIdNumber, maskIdNumber } from './id-number.js';
