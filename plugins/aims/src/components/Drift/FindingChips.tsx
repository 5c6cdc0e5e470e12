import { Chip, makeStyles, Theme } from '@material-ui/core';
import {
  FindingSeverity,
  FindingStatus,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FINDING_STATUS_LABELS } from './driftText';

const useStyles = makeStyles((theme: Theme) => ({
  critical: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  high: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  medium: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  low: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  healthy: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  failed: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  stale: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
}));

const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** The severity of a finding. */
export function SeverityChip(props: { severity: FindingSeverity }) {
  const classes = useStyles();
  const { severity } = props;
  return (
    <Chip
      size="small"
      label={SEVERITY_LABELS[severity] ?? severity}
      className={classes[severity]}
      data-testid="finding-severity"
      data-value={severity}
    />
  );
}

/** The status of a finding (outlined: it is a state, not a rating). */
export function FindingStatusChip(props: {
  status: FindingStatus;
  until?: string | null;
}) {
  const { status, until } = props;
  const label = FINDING_STATUS_LABELS[status] ?? status;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={
        until && (status === 'snoozed' || status === 'risk-accepted')
          ? `${label} until ${until.slice(0, 10)}`
          : label
      }
      data-testid="finding-status"
      data-value={status}
    />
  );
}

const SOURCE_STATUS_LABELS = {
  healthy: 'Healthy',
  failed: 'Failed',
  stale: 'Stale',
} as const;

/** The health of a deployment source. */
export function SourceStatusChip(props: {
  status: 'healthy' | 'failed' | 'stale';
}) {
  const classes = useStyles();
  const { status } = props;
  return (
    <Chip
      size="small"
      label={SOURCE_STATUS_LABELS[status] ?? status}
      className={classes[status]}
      data-testid="source-status"
      data-value={status}
    />
  );
}
