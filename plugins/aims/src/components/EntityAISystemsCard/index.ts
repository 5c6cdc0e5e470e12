export { EntityAISystemsCard } from './EntityAISystemsCard';
