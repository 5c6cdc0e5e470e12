import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Box, Typography, makeStyles, Theme } from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import {
  RiskBand,
  RiskHeatMapResponse,
  riskBand,
} from '@aims-backstage/backstage-plugin-aims-common';

const BAND_COLOURS: Record<RiskBand, (t: Theme) => string> = {
  low: t => t.palette.success.light,
  medium: t => t.palette.warning.light,
  high: t => t.palette.warning.dark,
  critical: t => t.palette.error.main,
};

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gap: 4,
    alignItems: 'stretch',
  },
  cell: {
    minHeight: 48,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: 4,
    fontWeight: 'bold',
    color: theme.palette.common.black,
    position: 'relative',
  },
  aboveThreshold: {
    outline: `2px dashed ${theme.palette.text.primary}`,
    outlineOffset: -3,
  },
  empty: { opacity: 0.45, fontWeight: 'normal' },
  axis: {
    color: theme.palette.text.secondary,
    fontSize: 12,
    textAlign: 'center',
    alignSelf: 'center',
  },
  low: { backgroundColor: BAND_COLOURS.low(theme) },
  medium: { backgroundColor: BAND_COLOURS.medium(theme) },
  high: { backgroundColor: BAND_COLOURS.high(theme) },
  critical: {
    backgroundColor: BAND_COLOURS.critical(theme),
    color: theme.palette.common.white,
  },
  legend: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 2,
    marginRight: 4,
    verticalAlign: 'middle',
  },
}));

/**
 * Likelihood × impact grid with the number of risks per cell, inherent or residual, cells
 * coloured by band and those above the acceptance threshold outlined.
 */
export function RiskHeatMap(props: { heatMap: RiskHeatMapResponse }) {
  const { heatMap } = props;
  const { matrix } = heatMap;
  const classes = useStyles();
  const [view, setView] = useState<'inherent' | 'residual'>('residual');
  const grid = heatMap[view];
  const likelihoods = Array.from(
    { length: matrix.likelihoodLevels },
    (_, i) => matrix.likelihoodLevels - i,
  );
  const impacts = Array.from({ length: matrix.impactLevels }, (_, i) => i + 1);

  return (
    <Box data-testid="risk-heatmap">
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mb={1}
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_, v) => v && setView(v)}
          aria-label="Inherent or residual risk"
        >
          <ToggleButton value="inherent">Inherent</ToggleButton>
          <ToggleButton value="residual">Residual</ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="body2" data-testid="acceptance-threshold">
          Acceptance threshold: {matrix.acceptanceThreshold} — scores above it
          (outlined) need the risk owner's sign-off.
        </Typography>
      </Box>
      {heatMap.totalCount === 0 && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          No risks recorded yet, so every cell is empty.
        </Typography>
      )}
      <Box display="flex">
        <Typography
          className={classes.axis}
          style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)' }}
        >
          Likelihood
        </Typography>
        <Box flex={1}>
          <div
            className={classes.grid}
            style={{
              gridTemplateColumns: `24px repeat(${matrix.impactLevels}, minmax(40px, 1fr))`,
            }}
            role="table"
            aria-label={`${
              view === 'inherent' ? 'Inherent' : 'Residual'
            } risk heat map`}
          >
            {likelihoods.map(l => (
              <div key={l} style={{ display: 'contents' }} role="row">
                <span className={classes.axis} role="rowheader">
                  {l}
                </span>
                {impacts.map(i => {
                  const score = l * i;
                  const band = riskBand(score, matrix);
                  const count = grid?.[l - 1]?.[i - 1] ?? 0;
                  return (
                    <div
                      key={i}
                      role="cell"
                      data-testid={`heatmap-cell-${l}-${i}`}
                      data-band={band}
                      title={`Likelihood ${l} × impact ${i} = ${score} (${band}): ${count} risk${
                        count === 1 ? '' : 's'
                      }`}
                      className={`${classes.cell} ${classes[band]} ${
                        score > matrix.acceptanceThreshold
                          ? classes.aboveThreshold
                          : ''
                      }`}
                    >
                      <span className={count ? undefined : classes.empty}>
                        {count}
                      </span>
                    </div>
                  );
                })}
              </div>
            ))}
            <span />
            {impacts.map(i => (
              <span key={i} className={classes.axis}>
                {i}
              </span>
            ))}
          </div>
          <Typography className={classes.axis} style={{ marginTop: 4 }}>
            Impact
          </Typography>
        </Box>
      </Box>
      <Box mt={1} display="flex" style={{ gap: 12 }}>
        {(['low', 'medium', 'high', 'critical'] as const).map(b => (
          <Typography variant="caption" key={b}>
            <span className={`${classes.legend} ${classes[b]}`} />
            {b}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}

/** The heat map in a card, with its loading and error states (per AI system and org-wide). */
export function RiskHeatMapCard(props: {
  title: string;
  state: { loading: boolean; error?: Error; value?: RiskHeatMapResponse };
}) {
  const { title, state } = props;
  return (
    <InfoCard title={title}>
      {state.error && <ResponseErrorPanel error={state.error} />}
      {state.loading && !state.value && <Progress />}
      {state.value && <RiskHeatMap heatMap={state.value} />}
    </InfoCard>
  );
}
