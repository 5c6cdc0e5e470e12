export { AIInventoryPage, AIInventoryContent } from './AIInventoryPage';
