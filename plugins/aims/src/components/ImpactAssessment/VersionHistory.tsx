import { useState } from 'react';
import {
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  FieldChange,
  ImpactAssessmentOverview,
  diffDocuments,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { ImpactAssessmentStatusChip } from '../chips';
import { ChangeTable } from '../common/ChangeList';
import { formatTime } from '../common/labels';
import { ActorLink } from '../common/ActorLink';

/** "Imported from <location> at <time>" */
export function SourceNote(props: {
  source: { location: string; importedAt: string } | null;
}) {
  if (!props.source) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      display="block"
      data-testid="import-source"
    >
      Imported from {props.source.location} at{' '}
      {formatTime(props.source.importedAt)}
    </Typography>
  );
}

/**
 * Everyone who wrote or submitted a version (none of them may approve it), the author first;
 * a version stored before contributors were recorded lists its author.
 */
export function Contributors(props: {
  version: Pick<
    ImpactAssessmentOverview['versions'][number],
    'author' | 'contributors'
  >;
}) {
  const { author, contributors } = props.version;
  const people = contributors?.length ? contributors : [author];
  return (
    <>
      {people.map((c, i) => (
        <span key={c}>
          {i > 0 && ', '}
          <ActorLink actor={c} />
        </span>
      ))}
    </>
  );
}

/** The versions of an assessment, and a field-level comparison of any two. */
export function VersionHistory(props: {
  entityRef: string;
  versions: ImpactAssessmentOverview['versions'];
}) {
  const { entityRef, versions } = props;
  const aimsApi = useApi(aimsApiRef);
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const [from, setFrom] = useState<number | undefined>(sorted[1]?.version);
  const [to, setTo] = useState<number | undefined>(sorted[0]?.version);
  const [diff, setDiff] = useState<{
    from: number;
    to: number;
    changes: FieldChange[];
  }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();

  const compare = async () => {
    if (from === undefined || to === undefined) return;
    setLoading(true);
    setError(undefined);
    try {
      const [a, b] = await Promise.all([
        aimsApi.getImpactAssessmentVersion(entityRef, from),
        aimsApi.getImpactAssessmentVersion(entityRef, to),
      ]);
      setDiff({ from, to, changes: diffDocuments(a.content, b.content) });
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };

  const versionSelect = (
    label: string,
    value: number | undefined,
    onChange: (v: number) => void,
  ) => (
    <TextField
      select
      label={label}
      SelectProps={{ native: true }}
      value={value ?? ''}
      onChange={e => onChange(Number(e.target.value))}
      style={{ minWidth: 120 }}
    >
      {sorted.map(v => (
        <option key={v.version} value={v.version}>
          v{v.version}
        </option>
      ))}
    </TextField>
  );

  return (
    <InfoCard title="Version history">
      {sorted.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No versions yet.
        </Typography>
      ) : (
        <>
          <Table size="small" aria-label="Versions">
            <TableHead>
              <TableRow>
                <TableCell>Version</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Contributors</TableCell>
                <TableCell>Created</TableCell>
                <TableCell>Approved</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sorted.map(v => (
                <TableRow key={v.version} data-testid={`version-${v.version}`}>
                  <TableCell>
                    v{v.version}
                    <SourceNote source={v.source} />
                  </TableCell>
                  <TableCell>
                    <ImpactAssessmentStatusChip status={v.status} />
                  </TableCell>
                  <TableCell data-testid={`contributors-${v.version}`}>
                    <Contributors version={v} />
                  </TableCell>
                  <TableCell>{formatTime(v.createdAt)}</TableCell>
                  <TableCell>
                    {v.approvedBy ? (
                      <>
                        <ActorLink actor={v.approvedBy} />
                        <Typography variant="caption" display="block">
                          {formatTime(v.approvedAt)}
                        </Typography>
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box mt={2}>
            {sorted.length < 2 ? (
              <Typography variant="body2" color="textSecondary">
                Only one version so far — nothing to compare yet.
              </Typography>
            ) : (
              <Box display="flex" alignItems="flex-end" style={{ gap: 16 }}>
                {versionSelect('Compare', from, setFrom)}
                {versionSelect('with', to, setTo)}
                <Button
                  variant="outlined"
                  color="primary"
                  onClick={compare}
                  disabled={
                    loading ||
                    from === undefined ||
                    to === undefined ||
                    from === to
                  }
                >
                  Compare
                </Button>
              </Box>
            )}
          </Box>
          {loading && <Progress />}
          {error && (
            <Box mt={2}>
              <ResponseErrorPanel
                error={error}
                title="Could not load the versions"
              />
            </Box>
          )}
          {diff && !loading && (
            <Box mt={2} data-testid="version-diff">
              <Typography variant="subtitle2" gutterBottom>
                Changes from v{diff.from} to v{diff.to}
              </Typography>
              <ChangeTable
                changes={diff.changes}
                emptyText="The two versions have the same content."
              />
            </Box>
          )}
        </>
      )}
    </InfoCard>
  );
}
