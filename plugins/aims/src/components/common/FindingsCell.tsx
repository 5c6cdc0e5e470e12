import { Typography } from '@material-ui/core';
import { FindingCounts } from '@aims-backstage/backstage-plugin-aims-common';

/**
 * "3 (1 critical, 1 high)" — open findings with the serious ones called out; `stacked` puts
 * the serious ones on a line of their own, for narrow cards.
 */
export function FindingsCell(props: {
  findings: FindingCounts;
  stacked?: boolean;
}) {
  const { open, critical, high } = props.findings;
  const serious = [
    critical > 0 ? `${critical} critical` : undefined,
    high > 0 ? `${high} high` : undefined,
  ].filter(Boolean);
  return (
    <span data-testid="open-findings">
      {open}
      {serious.length > 0 && (
        <Typography
          variant="caption"
          color="error"
          component="span"
          display={props.stacked ? 'block' : 'inline'}
          style={props.stacked ? { whiteSpace: 'nowrap' } : undefined}
        >
          {' '}
          ({serious.join(', ')})
        </Typography>
      )}
    </span>
  );
}
