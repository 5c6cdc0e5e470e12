/*
 * What the inventory asks the catalog for, so that each catalog baseline of the benchmarks
 * asks for the same (aims-backend keeps these unexported; a change there must be made here too).
 */
/** The fields the inventory asks the catalog for (INVENTORY_ENTITY_FIELDS of aims-backend). */
export const INVENTORY_FIELDS = [
  'kind',
  'apiVersion',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.dependencyOf',
  'spec.euAiAct',
  'spec.monitoring',
  'relations',
].join(',');
/** The fields its free text searches (INVENTORY_TEXT_FIELDS of aims-backend). */
export const TEXT_FIELDS = [
  'metadata.name',
  'metadata.title',
  'spec.purpose',
  'metadata.description',
].join(',');
