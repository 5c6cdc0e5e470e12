/**
 * AIMS deployment source for Kubernetes: workloads and KServe InferenceServices of catalog
 * Components with `backstage.io/kubernetes-id`, read through the Kubernetes plugin.
 *
 * @packageDocumentation
 */
export { aimsModuleKubernetes as default } from './module';
export { readKubernetesSourceOptions, PATTERN_FIELDS } from './config';
export type {
  KubernetesSourceOptions,
  CompiledPattern,
  PatternField,
} from './config';
export { mapComponentObjects } from './mapping';
export type { ClusterResources, MappingInput, MappingResult } from './mapping';
