export { EntityAimsControlsContent } from './EntityAimsControlsContent';
