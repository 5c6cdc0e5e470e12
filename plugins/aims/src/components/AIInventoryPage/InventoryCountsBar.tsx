import { Box, Chip, Typography, makeStyles } from '@material-ui/core';
import {
  EU_AI_ACT_TIERS,
  EU_AI_ACT_TIER_LABELS,
  EuAiActTier,
  IMPACT_ASSESSMENT_STATUSES,
  IMPACT_ASSESSMENT_STATUS_LABELS,
  ImpactAssessmentStatus,
  InventoryCounts,
} from '@aims-backstage/backstage-plugin-aims-common';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  label: { minWidth: 160 },
}));

/**
 * Counts by impact-assessment status and by EU AI Act tier; clicking one filters the table
 * (and clicking the selected one clears that filter).
 */
export function InventoryCountsBar(props: {
  counts?: InventoryCounts;
  status?: ImpactAssessmentStatus;
  tier?: EuAiActTier;
  onStatus: (status: ImpactAssessmentStatus | undefined) => void;
  onTier: (tier: EuAiActTier | undefined) => void;
}) {
  const { counts, status, tier, onStatus, onTier } = props;
  const classes = useStyles();
  const show = (n: number | undefined) => (n === undefined ? '…' : String(n));
  return (
    <Box>
      <Box className={classes.row}>
        <Typography variant="subtitle2" className={classes.label}>
          Impact assessment
        </Typography>
        {IMPACT_ASSESSMENT_STATUSES.map(s => (
          <Chip
            key={s}
            clickable
            data-testid={`count-status-${s}`}
            color={status === s ? 'primary' : 'default'}
            variant={status === s ? 'default' : 'outlined'}
            label={`${IMPACT_ASSESSMENT_STATUS_LABELS[s]}: ${show(
              counts?.byStatus[s],
            )}`}
            onClick={() => onStatus(status === s ? undefined : s)}
          />
        ))}
      </Box>
      <Box className={classes.row}>
        <Typography variant="subtitle2" className={classes.label}>
          EU AI Act tier
        </Typography>
        {EU_AI_ACT_TIERS.map(t => (
          <Chip
            key={t}
            clickable
            data-testid={`count-tier-${t}`}
            color={tier === t ? 'primary' : 'default'}
            variant={tier === t ? 'default' : 'outlined'}
            label={`${EU_AI_ACT_TIER_LABELS[t]}: ${show(counts?.byTier[t])}`}
            onClick={() => onTier(tier === t ? undefined : t)}
          />
        ))}
      </Box>
    </Box>
  );
}
