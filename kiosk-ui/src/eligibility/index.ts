export * from './types.js';
export * from './citation.js';
export * from './catalogue.js';
export { assessEligibility, ageOn } from './engine.js';
export { birthDateOf, checkCharacter as idCheckCharacter, isValidIdNumber } from '@kiosk/domain/id-number';
export { maskIdNumber } from '@kiosk/domain/mask';
