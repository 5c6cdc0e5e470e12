import { Paper, Typography, useTheme } from '@material-ui/core';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  TooltipProps,
  XAxis,
  YAxis,
} from 'recharts';
import {
  MonitoringThreshold,
  parseIsoDuration,
} from '@aims-backstage/backstage-plugin-aims-common';
import { useElementWidth } from '../common/useElementWidth';
import {
  ChartRow,
  MonitoringSeries,
  chartRows,
  formatObservedAt,
  formatValue,
  thresholdChanged,
  thresholdText,
  valueAxis,
  dayTicks,
} from './chartData';

const HEIGHT = 220;
/** Until measured (and in jsdom, which lays nothing out), the chart takes this width. */
const FALLBACK_WIDTH = 640;

const VERDICT_TEXT: Record<string, string> = {
  inside: 'inside the threshold',
  'below-min': 'below the minimum',
  'above-max': 'above the maximum',
  'no-threshold': 'no threshold',
};

export function PointTooltip(props: TooltipProps<number, string>) {
  const row = props.payload?.[0]?.payload as ChartRow | undefined;
  const point = row?.point;
  if (!props.active || !point) return null;
  return (
    <Paper style={{ padding: 8 }} data-testid="monitoring-tooltip">
      <Typography variant="caption" display="block">
        {point.aggregate
          ? `${point.observedAt.slice(0, 10)} (day)`
          : formatObservedAt(point.observedAt)}
      </Typography>
      <Typography variant="body2">
        <strong>{formatValue(point.value)}</strong> —{' '}
        {VERDICT_TEXT[point.verdict] ?? point.verdict}
      </Typography>
      {point.aggregate && (
        <Typography variant="caption" display="block">
          min–max {formatValue(point.aggregate.min)}–
          {formatValue(point.aggregate.max)} · mean{' '}
          {formatValue(point.aggregate.mean)} · {point.aggregate.count}{' '}
          result(s)
        </Typography>
      )}
      <Typography variant="caption" display="block">
        Judged against {thresholdText(point.threshold)}
      </Typography>
    </Paper>
  );
}

/** A dot per result (none at gaps): red and larger where the value breached its threshold. */
function ResultDot(props: {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: ChartRow;
  breachColor: string;
  color: string;
  /** Smaller dots where many results crowd the range (90 days). */
  dense?: boolean;
}) {
  const { cx, cy, payload, index, breachColor, color, dense } = props;
  if (!payload?.point || cx === undefined || cy === undefined || cy === null) {
    return <g key={`gap-${index}`} />;
  }
  return (
    <circle
      key={`dot-${index}`}
      cx={cx}
      cy={cy}
      r={(payload.breach ? 5 : 3) - (dense ? 1.5 : 0)}
      fill={payload.breach ? breachColor : color}
      stroke={payload.breach ? breachColor : color}
      data-testid={payload.breach ? 'monitoring-breach' : 'monitoring-point'}
      data-observed-at={payload.point.observedAt}
      data-value={payload.point.value}
    />
  );
}

const day = (ms: number) => new Date(ms).toISOString().slice(5, 10);

/**
 * One series of a metric over the range: the values as a line with a dot per result, days
 * without data as gaps, the declared threshold as a band (or a line per bound), breaches as
 * red dots and, where the threshold changed over time, the one each value was judged against
 * as a dashed step line.
 */
export function MetricChart(props: {
  series: MonitoringSeries;
  declared?: MonitoringThreshold;
  /** The declared reporting interval (ISO 8601): a gap is a period longer than that. */
  interval?: string;
  from: string;
  to: string;
}) {
  const { series, declared, from, to } = props;
  const theme = useTheme();
  const [measure, measured] = useElementWidth<HTMLDivElement>();
  const width = measured || FALLBACK_WIDTH;
  const rows = chartRows(
    series.points,
    from,
    to,
    parseIsoDuration(props.interval),
  );
  const yAxis = valueAxis(rows, declared);
  const lineColor = theme.palette.primary.main;
  const breachColor = theme.palette.error.main;
  const thresholdColor = theme.palette.text.secondary;
  const showStoredThreshold = thresholdChanged(rows, declared);
  return (
    <div
      ref={measure}
      data-testid="monitoring-chart"
      data-metric={series.metric}
      data-slice={series.slice}
      data-environment={series.environment}
      data-rows={JSON.stringify(rows.map(r => [r.t, r.value]))}
    >
      <LineChart
        width={width}
        height={HEIGHT}
        data={rows}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[Date.parse(from), Date.parse(to)]}
          ticks={dayTicks(from, to)}
          tickFormatter={day}
        />
        <YAxis
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          tickFormatter={v => formatValue(v)}
          width={56}
        />
        {declared?.min !== undefined && declared?.max !== undefined && (
          <ReferenceArea
            y1={declared.min}
            y2={declared.max}
            fill={theme.palette.success.main}
            fillOpacity={0.08}
            ifOverflow="extendDomain"
          />
        )}
        {declared?.min !== undefined && (
          <ReferenceLine
            y={declared.min}
            stroke={thresholdColor}
            strokeDasharray="6 3"
            label={{
              value: `min ${declared.min}`,
              position: 'insideBottomRight',
            }}
          />
        )}
        {declared?.max !== undefined && (
          <ReferenceLine
            y={declared.max}
            stroke={thresholdColor}
            strokeDasharray="6 3"
            label={{ value: `max ${declared.max}`, position: 'insideTopRight' }}
          />
        )}
        {showStoredThreshold && (
          <Line
            type="stepAfter"
            dataKey="thresholdMin"
            name="min judged against"
            stroke={thresholdColor}
            strokeDasharray="2 2"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        )}
        {showStoredThreshold && (
          <Line
            type="stepAfter"
            dataKey="thresholdMax"
            name="max judged against"
            stroke={thresholdColor}
            strokeDasharray="2 2"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        )}
        <Tooltip content={<PointTooltip />} />
        <Line
          type="linear"
          dataKey="value"
          name={series.metric}
          stroke={lineColor}
          strokeWidth={2}
          connectNulls={false}
          isAnimationActive={false}
          dot={(dotProps: any) => (
            <ResultDot
              {...dotProps}
              key={`dot-${dotProps.index}`}
              color={lineColor}
              breachColor={breachColor}
              dense={series.points.length > 40}
            />
          )}
          activeDot={{ r: 6 }}
        />
      </LineChart>
    </div>
  );
}
