/**
 * Catalog backend module for the AISystem kind of AIMS for Backstage.
 *
 * @packageDocumentation
 */
export { catalogModuleAims as default } from './module';
export { AISystemEntityProcessor } from './processor/AISystemEntityProcessor';
