import { Chip, makeStyles, Theme } from '@material-ui/core';
import {
  AimsHealth,
  EU_AI_ACT_TIER_LABELS,
  EuAiActTier,
  IMPACT_ASSESSMENT_STANDING_LABELS,
  ImpactAssessmentStanding,
  ImpactAssessmentStatus,
  RiskBand,
  impactAssessmentStanding,
} from '@aims-backstage/backstage-plugin-aims-common';

type Tone = 'bad' | 'warn' | 'good' | 'info' | 'neutral';

const useStyles = makeStyles((theme: Theme) => ({
  bad: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warn: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  good: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  info: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  neutral: {},
  chip: { margin: 0 },
}));

function ToneChip(props: {
  label: string;
  tone: Tone;
  testId: string;
  value: string;
}) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.label}
      className={`${classes.chip} ${classes[props.tone]}`}
      data-testid={props.testId}
      data-value={props.value}
    />
  );
}

const STANDING_TONES: Record<ImpactAssessmentStanding, Tone> = {
  missing: 'bad',
  'review-overdue': 'bad',
  draft: 'warn',
  'in-review': 'info',
  approved: 'good',
  'not-required': 'neutral',
};

/**
 * Where an AI system's impact assessment stands. The API already answers `not-required` for a
 * system that owes no assessment (a retired one); with the system's `lifecycle` the chip
 * applies the same shared rule (`impactAssessmentStanding`) to a status from elsewhere, so it
 * never shows a red "Missing" for it.
 *
 * @public
 */
export function ImpactAssessmentStatusChip(props: {
  status: ImpactAssessmentStatus;
  lifecycle?: string;
}) {
  const { status, lifecycle } = props;
  const standing =
    lifecycle === undefined
      ? status
      : impactAssessmentStanding({ lifecycle, status });
  return (
    <ToneChip
      label={IMPACT_ASSESSMENT_STANDING_LABELS[standing] ?? standing}
      tone={STANDING_TONES[standing] ?? 'neutral'}
      testId="impact-assessment-status"
      value={standing}
    />
  );
}

const TIER_TONES: Record<EuAiActTier, Tone> = {
  prohibited: 'bad',
  'high-risk': 'warn',
  'limited-risk': 'info',
  'minimal-risk': 'good',
  'out-of-scope': 'neutral',
  unclassified: 'neutral',
};

/** The EU AI Act risk tier. @public */
export function EuAiActTierChip(props: { tier: EuAiActTier }) {
  const { tier } = props;
  return (
    <ToneChip
      label={EU_AI_ACT_TIER_LABELS[tier] ?? tier}
      tone={TIER_TONES[tier] ?? 'neutral'}
      testId="eu-ai-act-tier"
      value={tier}
    />
  );
}

const HEALTH_LABELS: Record<AimsHealth, string> = {
  'at-risk': 'At risk',
  attention: 'Needs attention',
  ok: 'OK',
  'not-applicable': 'Not applicable',
};
const HEALTH_TONES: Record<AimsHealth, Tone> = {
  'at-risk': 'bad',
  attention: 'warn',
  ok: 'good',
  'not-applicable': 'neutral',
};

/** Overall AIMS health of an entity. @public */
export function HealthChip(props: { health: AimsHealth }) {
  const { health } = props;
  return (
    <ToneChip
      label={HEALTH_LABELS[health] ?? health}
      tone={HEALTH_TONES[health] ?? 'neutral'}
      testId="aims-health"
      value={health}
    />
  );
}

const BAND_TONES: Record<RiskBand, Tone> = {
  low: 'good',
  medium: 'info',
  high: 'warn',
  critical: 'bad',
};

/** A risk score with its band: "12 High". @public */
export function RiskScoreChip(props: { score: number; band: RiskBand }) {
  const { score, band } = props;
  return (
    <ToneChip
      label={`${score} ${band.charAt(0).toLocaleUpperCase('en-US')}${band.slice(
        1,
      )}`}
      tone={BAND_TONES[band] ?? 'neutral'}
      testId="risk-score"
      value={band}
    />
  );
}

/** A residual risk above the acceptance threshold without the owner's sign-off. @public */
export function NeedsSignOffChip() {
  return (
    <ToneChip
      label="Needs sign-off"
      tone="bad"
      testId="needs-sign-off"
      value="true"
    />
  );
}
