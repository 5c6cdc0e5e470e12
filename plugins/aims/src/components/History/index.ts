export {
  EntityAimsHistoryContent,
  AimsHistoryTab,
} from './EntityAimsHistoryContent';
