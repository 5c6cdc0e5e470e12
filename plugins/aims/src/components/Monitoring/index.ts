export { EntityAimsMonitoringContent } from './EntityAimsMonitoringContent';
export { MonitoringSummaryCell } from './MonitoringSummaryCell';
export { MonitoringStatusChip } from './MonitoringStatusChip';
