import { Chip, makeStyles, Theme } from '@material-ui/core';
import { MonitoringSeriesStatus, MonitoringSummary } from './chartData';

/** A metric's status, or an AI system's monitoring at a glance (`not-monitored`). */
export type MonitoringStatus =
  | MonitoringSeriesStatus
  | MonitoringSummary['status'];

export const MONITORING_STATUS_LABELS: Record<MonitoringStatus, string> = {
  ok: 'OK',
  breached: 'Breached',
  stale: 'Stale',
  'no-data': 'Never reported',
  'not-monitored': 'Not monitored',
};

const useStyles = makeStyles((theme: Theme) => ({
  chip: { margin: 0 },
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  breached: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  stale: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  'no-data': {},
  'not-monitored': {},
}));

/** Status chip of a monitored metric or of an AI system's monitoring. */
export function MonitoringStatusChip(props: { status: MonitoringStatus }) {
  const classes = useStyles();
  const { status } = props;
  return (
    <Chip
      size="small"
      label={MONITORING_STATUS_LABELS[status] ?? status}
      className={`${classes.chip} ${classes[status] ?? ''}`}
      data-testid="monitoring-status"
      data-value={status}
    />
  );
}
