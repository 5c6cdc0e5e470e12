import { SoaCoverage } from '@aims-backstage/backstage-plugin-aims-common';
import { Box, Tooltip, Typography, makeStyles } from '@material-ui/core';

import { COVERAGE_SEGMENTS } from './labels';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: 12,
    borderRadius: 6,
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
    minWidth: 120,
    '@media print': {
      // browsers drop backgrounds in print unless told to keep them
      WebkitPrintColorAdjust: 'exact',
      printColorAdjust: 'exact',
    },
  },
  implementedWithEvidence: { backgroundColor: theme.palette.success.main },
  // implemented but unevidenced is a finding, not nearly done: it must not look green
  implementedWithoutEvidence: { backgroundColor: theme.palette.warning.light },
  inProgress: { backgroundColor: theme.palette.info.main },
  notStarted: { backgroundColor: theme.palette.error.main },
  excluded: { backgroundColor: theme.palette.grey[500] },
  undecided: {
    backgroundColor: theme.palette.grey[300],
    backgroundImage:
      'repeating-linear-gradient(45deg, transparent, transparent 3px, rgba(0,0,0,0.15) 3px, rgba(0,0,0,0.15) 6px)',
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: 2,
    marginRight: 4,
    verticalAlign: 'middle',
    WebkitPrintColorAdjust: 'exact',
    printColorAdjust: 'exact',
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    marginTop: theme.spacing(0.5),
  },
}));

/** "5 of 38 implemented with current evidence, 2 implemented without, …" for screen readers. */
export function coverageText(coverage: SoaCoverage): string {
  const parts = COVERAGE_SEGMENTS.filter(s => coverage[s.key] > 0).map(
    s => `${coverage[s.key]} ${s.label.toLocaleLowerCase('en-US')}`,
  );
  return `${coverage.total} controls: ${
    parts.length ? parts.join(', ') : 'none'
  }`;
}

/**
 * A stacked bar of how far controls are implemented (with current evidence, without, in
 * progress, not started, excluded, undecided) with a legend of the counts; the bar reads as
 * one sentence to assistive technology.
 */
export function CoverageBar(props: {
  coverage: SoaCoverage;
  label: string;
  legend?: boolean;
  testId?: string;
}) {
  const { coverage, label, legend = true, testId = 'coverage' } = props;
  const classes = useStyles();
  const total = coverage.total || 1;
  return (
    <Box data-testid={testId}>
      <div
        className={classes.bar}
        role="img"
        aria-label={`${label}: ${coverageText(coverage)}`}
      >
        {COVERAGE_SEGMENTS.filter(s => coverage[s.key] > 0).map(s => (
          <Tooltip key={s.key} title={`${s.label}: ${coverage[s.key]}`}>
            <div
              className={classes[s.key]}
              style={{ width: `${(coverage[s.key] / total) * 100}%` }}
              data-segment={s.key}
              data-count={coverage[s.key]}
            />
          </Tooltip>
        ))}
      </div>
      {legend && (
        <div className={classes.legend} aria-hidden="true">
          {COVERAGE_SEGMENTS.map(s => (
            <Typography
              key={s.key}
              variant="caption"
              color="textSecondary"
              data-testid={`${testId}-${s.key}`}
            >
              <span className={`${classes.swatch} ${classes[s.key]}`} />
              {s.label}: {coverage[s.key]}
            </Typography>
          ))}
        </div>
      )}
    </Box>
  );
}
