import { Typography } from '@material-ui/core';
import { Finding } from '@aims-backstage/backstage-plugin-aims-common';
import { formatTime } from '../common/labels';
import { evidenceSources, sourceSaw } from './driftText';

/** Per deployment source: what it saw, and when. */
export function EvidenceList(props: { finding: Finding }) {
  const sources = evidenceSources(props.finding);
  if (!sources.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        —
      </Typography>
    );
  }
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="drift-evidence">
      {sources.map((s, i) => (
        <li key={`${s.sourceId}-${i}`}>
          <Typography variant="body2" component="span">
            {sourceSaw(s)}
          </Typography>{' '}
          <Typography variant="caption" color="textSecondary" component="span">
            {formatTime(s.observedAt)}
          </Typography>
        </li>
      ))}
    </ul>
  );
}
