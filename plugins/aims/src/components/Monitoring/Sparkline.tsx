import { useTheme } from '@material-ui/core';
import { Line, LineChart, YAxis } from 'recharts';
import { MonitoringStatus } from './MonitoringStatusChip';

/**
 * A metric's recent values as a tiny line without axes (fixed size: it sits in a table cell).
 * Colored by the metric's status so a breach stands out at a glance.
 */
export function Sparkline(props: {
  values: number[];
  status: MonitoringStatus;
  width?: number;
  height?: number;
}) {
  const theme = useTheme();
  const { values, status, width = 72, height = 20 } = props;
  if (values.length === 0) return null;
  let stroke = theme.palette.text.secondary;
  if (status === 'breached') stroke = theme.palette.error.main;
  else if (status === 'ok') stroke = theme.palette.success.main;
  else if (status === 'stale') stroke = theme.palette.warning.main;
  return (
    <span
      data-testid="monitoring-sparkline"
      data-points={values.length}
      style={{ display: 'inline-block', verticalAlign: 'middle' }}
    >
      <LineChart
        width={width}
        height={height}
        data={values.map((value, i) => ({ i, value }))}
        margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
      >
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line
          type="monotone"
          dataKey="value"
          stroke={stroke}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
