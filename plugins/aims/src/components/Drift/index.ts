export { EntityDriftContent } from './EntityDriftContent';
export { EntityDriftBanner } from './EntityDriftBanner';
export { DeploymentSourcesCard } from './DeploymentSourcesCard';
