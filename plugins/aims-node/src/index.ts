/**
 * Extension points for AIMS backend modules.
 *
 * @packageDocumentation
 */
export * from './deploymentSources';
