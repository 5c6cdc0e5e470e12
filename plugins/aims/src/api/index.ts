export { aimsApiRef } from './AimsApi';
export type { AimsApi } from './AimsApi';
export { AimsClient } from './AimsClient';
