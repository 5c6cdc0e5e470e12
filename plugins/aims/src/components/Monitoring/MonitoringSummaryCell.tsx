import { Box, Typography } from '@material-ui/core';
import { MonitoringSummary, formatObservedAt, formatValue } from './chartData';
import { MonitoringStatusChip } from './MonitoringStatusChip';
import { Sparkline } from './Sparkline';

/** "1 of 3 metrics breached, 1 stale" for the chip's tooltip. */
function summaryTitle(summary: MonitoringSummary): string {
  const parts = [`${summary.metrics} monitored metric(s)`];
  if (summary.breached) parts.push(`${summary.breached} breached`);
  if (summary.stale) parts.push(`${summary.stale} stale`);
  return parts.join(', ');
}

/**
 * An AI system's monitoring in a table cell: the status chip, and with `latest` the latest
 * value of each metric with a sparkline of its recent values. An older backend sends no
 * summary: "—".
 */
export function MonitoringSummaryCell(props: {
  summary?: MonitoringSummary;
  showLatest?: boolean;
}) {
  const { summary, showLatest } = props;
  if (!summary) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        component="span"
        data-testid="monitoring-summary"
        data-value="absent"
      >
        —
      </Typography>
    );
  }
  const latest = showLatest ? summary.latest ?? [] : [];
  return (
    <Box
      data-testid="monitoring-summary"
      data-value={summary.status}
      title={summaryTitle(summary)}
    >
      <MonitoringStatusChip status={summary.status} />
      {latest.map(l => (
        <Box
          key={l.metric}
          display="flex"
          alignItems="center"
          style={{ gap: 6 }}
          mt={0.5}
          data-testid="monitoring-latest"
          data-metric={l.metric}
          title={`${l.metric}: ${formatValue(l.value)} at ${formatObservedAt(
            l.observedAt,
          )}`}
        >
          {/* long metric names are cut, not the value: the title has the whole line */}
          <Typography
            variant="caption"
            noWrap
            style={{ maxWidth: 110, minWidth: 0, flexShrink: 1 }}
          >
            {l.metric}
          </Typography>
          <Sparkline values={l.spark} status={l.status} />
          <Typography
            variant="caption"
            style={{ whiteSpace: 'nowrap' }}
            color={l.status === 'breached' ? 'error' : 'textPrimary'}
          >
            {formatValue(l.value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
