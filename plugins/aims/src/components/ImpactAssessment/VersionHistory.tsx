import { useState } from 'react';
import { Typography } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  ImpactAssessmentOverview,
  diffDocuments,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { ImpactAssessmentStatusChip } from '../chips';
import { formatTime } from '../common/labels';
import { VersionCompare, VersionsTable } from '../common/VersionHistory';

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

/** The versions of an assessment, and a field-level comparison of any two. */
export function VersionHistory(props: {
  entityRef: string;
  versions: ImpactAssessmentOverview['versions'];
}) {
  const { entityRef, versions } = props;
  const aimsApi = useApi(aimsApiRef);
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  // the two newest when the history is first shown, until someone picks others
  const [defaults] = useState(() => ({
    from: sorted[1]?.version,
    to: sorted[0]?.version,
  }));

  return (
    <InfoCard title="Version history">
      {sorted.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No versions yet.
        </Typography>
      ) : (
        <>
          <VersionsTable
            versions={sorted}
            ariaLabel="Versions"
            rowTestIdPrefix="version-"
            status={v => <ImpactAssessmentStatusChip status={v.status} />}
            note={v => <SourceNote source={v.source} />}
            contributorsTestIdPrefix="contributors-"
          />
          <VersionCompare
            versions={sorted.map(v => v.version)}
            defaultFrom={defaults.from}
            defaultTo={defaults.to}
            diff={async (from, to) => {
              const [a, b] = await Promise.all([
                aimsApi.getImpactAssessmentVersion(entityRef, from),
                aimsApi.getImpactAssessmentVersion(entityRef, to),
              ]);
              return diffDocuments(a.content, b.content);
            }}
            sameText="The two versions have the same content."
            testId="version-diff"
            selectWidth={120}
          />
        </>
      )}
    </InfoCard>
  );
}
