/**
 * Extension points for AIMS backend modules, and the AIMS permission policy helpers
 * (`aimsPolicyDecision`, `AimsPermissionPolicy`) an adopter composes into their policy.
 *
 * @packageDocumentation
 */
export * from './deploymentSources';
export * from './monitoringSources';
export * from './recordImport';
export * from './permissionPolicy';
