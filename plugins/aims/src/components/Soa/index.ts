export { SoaTab } from './SoaTab';
