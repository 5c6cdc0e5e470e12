import { ChangeEvent } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useAppSearchParams } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Box,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Typography,
} from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import { MonitoringOverview, MonitoringQuery, aimsApiRef } from '../../api';
import {
  MonitoringDeclaration,
  MonitoringSeries,
  formatObservedAt,
  formatValue,
  thresholdText,
} from './chartData';
import { MetricChart } from './MetricChart';
import { MonitoringStatusChip } from './MonitoringStatusChip';

type Days = NonNullable<MonitoringQuery['days']>;
const RANGES: Days[] = [7, 30, 90];
const DEFAULT_DAYS: Days = 30;
const ALL = '';

type OverviewMetric = MonitoringOverview['metrics'][number];

/** The metric as the AISystem declares it in spec.monitoring. */
function Declaration(props: { declaration: MonitoringDeclaration | null }) {
  const { declaration } = props;
  if (!declaration) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="monitoring-declaration"
      >
        Reported but not declared in the AISystem's <code>spec.monitoring</code>
        : no threshold of its own, no finding when it goes stale.
      </Typography>
    );
  }
  const facts: Array<[string, string]> = [
    ['Threshold', thresholdText(declaration.threshold)],
    ['Severity', declaration.severity ?? 'by environment and tier'],
    ['Reported every', declaration.interval],
    [
      'Slices',
      declaration.slices?.length ? declaration.slices.join(', ') : 'all',
    ],
  ];
  return (
    <Box data-testid="monitoring-declaration">
      {declaration.description && (
        <Typography variant="body2" gutterBottom>
          {declaration.description}
        </Typography>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        {facts.map(([label, value]) => (
          <Typography variant="caption" key={label}>
            <Typography variant="caption" color="textSecondary">
              {label}:
            </Typography>{' '}
            {value}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}

/** Where the series runs, its latest value and its status. */
function SeriesHeader(props: { series: MonitoringSeries }) {
  const { series } = props;
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 8 }}
      data-testid="monitoring-latest-value"
    >
      <Typography variant="subtitle2">
        {series.environment} ·{' '}
        {series.slice === 'all' ? 'all traffic' : `slice ${series.slice}`}
      </Typography>
      <MonitoringStatusChip status={series.status} />
      <Typography variant="body2">
        Latest <strong>{formatValue(series.latest?.value)}</strong>
        {series.latest && ` at ${formatObservedAt(series.latest.observedAt)}`}
      </Typography>
    </Box>
  );
}

/**
 * The declared slices no result has reached yet (in the environments shown): the metric is
 * only partly monitored, which the charts alone would not show.
 */
function silentSlices(metric: OverviewMetric, slice: string): string[] {
  const declared = metric.declaration?.slices?.length
    ? metric.declaration.slices
    : ['all'];
  const reported = new Set(
    metric.series.filter(s => s.latest).map(s => s.slice),
  );
  return declared.filter(d => (!slice || d === slice) && !reported.has(d));
}

function MetricCard(props: {
  metric: OverviewMetric;
  from: string;
  to: string;
  slice: string;
}) {
  const { metric, from, to, slice } = props;
  // `latest` is a series' newest result ever, so without one nothing was ever reported
  const reported = metric.series.filter(s => s.latest || s.points.length);
  const silent = metric.declaration ? silentSlices(metric, slice) : [];
  return (
    <Box mb={3} data-testid="monitoring-metric" data-metric={metric.metric}>
      <InfoCard
        title={
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <span>{metric.metric}</span>
            <MonitoringStatusChip status={metric.status} />
          </Box>
        }
      >
        <Declaration declaration={metric.declaration} />
        {reported.length === 0 && (
          <Box mt={2} data-testid="monitoring-never-reported">
            <Typography variant="body1">Never reported.</Typography>
            <Typography variant="body2" color="textSecondary">
              The AI system declares this metric but no result has reached AIMS.
              Send results with <code>POST /api/aims/monitoring/results</code>{' '}
              (or a monitoring source such as Prometheus).
            </Typography>
          </Box>
        )}
        {reported.length > 0 && silent.length > 0 && (
          <Box mt={1} data-testid="monitoring-silent-slices">
            <Typography variant="body2" color="textSecondary">
              Never reported for slice{silent.length > 1 ? 's' : ''}{' '}
              {silent.join(', ')}.
            </Typography>
          </Box>
        )}
        {reported.map(series => (
          <Box
            mt={2}
            key={`${series.environment}/${series.slice}`}
            data-testid="monitoring-series"
          >
            <SeriesHeader series={series} />
            {series.points.length ? (
              <MetricChart
                series={series}
                declared={metric.declaration?.threshold}
                interval={metric.declaration?.interval}
                from={from}
                to={to}
              />
            ) : (
              <Typography variant="body2" color="textSecondary">
                No results in this range.
              </Typography>
            )}
          </Box>
        ))}
      </InfoCard>
    </Box>
  );
}

function SelectionSelect(props: {
  id: string;
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  const { id, label, value, options, onChange } = props;
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <FormControl size="small" style={{ minWidth: 160 }}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        value={value}
        SelectDisplayProps={{ 'data-testid': `monitoring-${id}` } as any}
        onChange={(e: ChangeEvent<{ value: unknown }>) =>
          onChange(e.target.value as string)
        }
      >
        <MenuItem value={ALL}>
          <em>All</em>
        </MenuItem>
        {all.map(o => (
          <MenuItem key={o} value={o}>
            {o}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

const unique = (values: string[]) =>
  Array.from(new Set(values)).sort((a, b) => a.localeCompare(b));

/**
 * The "Monitoring" tab of AISystem pages: each monitored metric (declared in spec.monitoring
 * or reported) as a chart per slice and environment over the last 7, 30 or 90 days, with its
 * threshold, breaches, gaps, latest value and status. Range, slice and environment are in the
 * URL (`?days=90&environment=production&slice=eu`), so a view can be linked.
 *
 * @public
 */
export function EntityAimsMonitoringContent() {
  const { entity } = useEntity();
  const aimsApi = useApi(aimsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [params, setParams] = useAppSearchParams();
  const requestedDays = Number(params.get('days'));
  const days = (RANGES as number[]).includes(requestedDays)
    ? (requestedDays as Days)
    : DEFAULT_DAYS;
  const slice = params.get('slice') ?? ALL;
  const environment = params.get('environment') ?? ALL;

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const { value, loading, error } = useAsync(
    () =>
      aimsApi.getMonitoring(entityRef, {
        days,
        ...(slice ? { slice } : {}),
        ...(environment ? { environment } : {}),
      }),
    [aimsApi, entityRef, days, slice, environment],
  );

  const allSeries = value?.metrics.flatMap(m => m.series) ?? [];
  const slices = unique([
    ...(value?.metrics.flatMap(m => m.declaration?.slices ?? []) ?? []),
    ...allSeries.map(s => s.slice),
  ]);
  const environments = unique(allSeries.map(s => s.environment));

  let body: JSX.Element;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value || value.metrics.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="Not monitored"
        description="This AI system declares no monitored metrics (spec.monitoring) and none have been reported. ISO/IEC 42001 A.6.2.6 expects its performance to be monitored in operation."
      />
    );
  } else {
    body = (
      <>
        {value.metrics.map(metric => (
          <MetricCard
            key={metric.metric}
            metric={metric}
            from={value.from}
            to={value.to}
            slice={slice}
          />
        ))}
      </>
    );
  }

  return (
    <Box>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-end"
        style={{ gap: 16 }}
        mb={2}
      >
        <ToggleButtonGroup
          value={days}
          exclusive
          size="small"
          aria-label="Range"
          onChange={(_, v: Days | null) => {
            if (v) setParam('days', v === DEFAULT_DAYS ? '' : String(v));
          }}
        >
          {RANGES.map(r => (
            <ToggleButton key={r} value={r} aria-label={`${r} days`}>
              {r} days
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <SelectionSelect
          id="environment"
          label="Environment"
          value={environment}
          options={environments}
          onChange={v => setParam('environment', v)}
        />
        <SelectionSelect
          id="slice"
          label="Slice"
          value={slice}
          options={slices}
          onChange={v => setParam('slice', v)}
        />
      </Box>
      {body}
    </Box>
  );
}
