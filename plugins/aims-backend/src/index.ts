/**
 * AIMS backend plugin: inventory, status roll-ups, impact assessments and findings.
 *
 * @packageDocumentation
 */
export { aimsPlugin as default } from './plugin';
