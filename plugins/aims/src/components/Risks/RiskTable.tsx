import { useState } from 'react';
import { Box, Button, Typography } from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Risk,
  maySignOffRisk,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef, RiskQuery } from '../../api';
import { NeedsSignOffChip, RiskScoreChip } from '../chips';
import { TREATMENT_LABELS, controlLabel, formatTime } from '../common/labels';
import { saveBlob } from '../common/saveBlob';
import { ConflictAlert, isConflict } from '../common/ConflictAlert';

function SignOffCell(props: { risk: Risk }) {
  const { risk } = props;
  if (risk.needsSignOff) return <NeedsSignOffChip />;
  if (risk.signOff) {
    return (
      <Typography variant="caption" component="div">
        Signed off by{' '}
        <EntityRefLink
          entityRef={risk.signOff.by}
          defaultKind="user"
          hideIcon
        />
        <br />
        {formatTime(risk.signOff.at)} (score {risk.signOff.residualScore})
      </Typography>
    );
  }
  return (
    <Typography variant="caption" color="textSecondary">
      Within acceptance
    </Typography>
  );
}

/** CSV of the register with the same filters. */
export function RiskCsvButton(props: {
  query: RiskQuery;
  onError: (e?: Error) => void;
}) {
  const aimsApi = useApi(aimsApiRef);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<GetAppIcon />}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        props.onError(undefined);
        try {
          const blob = await aimsApi.getRisksCsv(props.query);
          saveBlob(
            blob,
            `risk-register-${new Date().toISOString().slice(0, 10)}.csv`,
          );
        } catch (e) {
          props.onError(e as Error);
        } finally {
          setBusy(false);
        }
      }}
    >
      Download CSV
    </Button>
  );
}

/**
 * The risk register: scores and bands, treatment, owner, sign-off. Sorting happens in the
 * table; the "Sign off" button shows where the risk needs it and the user may sign off (the
 * risk owner, or a member of the owning group: the shared `maySignOffRisk`).
 */
export function RiskTable(props: {
  title: string;
  risks: Risk[];
  totalCount: number;
  loading?: boolean;
  showAISystem?: boolean;
  /** The signed-in user's ownership entity refs (user and groups). */
  ownershipRefs: readonly string[];
  onEdit?: (risk: Risk) => void;
  onChanged: () => void;
  emptyText: string;
}) {
  const {
    risks,
    totalCount,
    loading,
    showAISystem,
    ownershipRefs,
    onEdit,
    onChanged,
    emptyText,
  } = props;
  const aimsApi = useApi(aimsApiRef);
  const [error, setError] = useState<Error>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<string>();

  const signOff = async (risk: Risk) => {
    setBusy(risk.id);
    setError(undefined);
    try {
      await aimsApi.signOffRisk(risk.id, risk.revision);
      onChanged();
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const columns: TableColumn<Risk>[] = [
    {
      title: 'Risk',
      field: 'title',
      highlight: true,
      cellStyle: { minWidth: 200, wordBreak: 'normal' },
      render: r => (
        <>
          {r.title}
          {/* the full description is in the edit dialog; two lines keep the register scannable */}
          <Typography
            variant="caption"
            color="textSecondary"
            display="block"
            title={r.description}
            style={{
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
            }}
          >
            {r.description}
          </Typography>
        </>
      ),
    },
    ...(showAISystem
      ? [
          {
            title: 'AI system',
            field: 'aiSystemRef',
            render: (r: Risk) => (
              <EntityRefLink entityRef={r.aiSystemRef} hideIcon />
            ),
          } as TableColumn<Risk>,
        ]
      : []),
    {
      title: 'Inherent',
      field: 'inherentScore',
      type: 'numeric',
      align: 'left',
      render: r => (
        <RiskScoreChip score={r.inherentScore} band={r.inherentBand} />
      ),
    },
    {
      title: 'Residual',
      field: 'residualScore',
      type: 'numeric',
      align: 'left',
      defaultSort: 'desc',
      render: r => (
        <RiskScoreChip score={r.residualScore} band={r.residualBand} />
      ),
    },
    {
      title: 'Treatment',
      field: 'treatment',
      render: r => TREATMENT_LABELS[r.treatment] ?? r.treatment,
    },
    {
      title: 'Controls',
      field: 'controls',
      sorting: false,
      render: r =>
        r.controls.length ? (
          <Typography
            variant="caption"
            component="div"
            style={{ whiteSpace: 'nowrap' }}
          >
            {/* ids keep the column narrow; the title is in the tooltip */}
            {r.controls.map(c => (
              <div key={c} title={controlLabel(c)}>
                {c}
              </div>
            ))}
          </Typography>
        ) : (
          '—'
        ),
    },
    {
      title: 'Actions',
      field: 'actions',
      sorting: false,
      render: r =>
        r.actions.length
          ? `${r.actions.filter(a => a.status === 'done').length}/${
              r.actions.length
            } done`
          : '—',
    },
    {
      title: 'Owner',
      field: 'riskOwner',
      render: r => <EntityRefLink entityRef={r.riskOwner} defaultKind="user" />,
    },
    {
      title: 'Sign-off',
      field: 'needsSignOff',
      render: r => <SignOffCell risk={r} />,
    },
    {
      title: '',
      sorting: false,
      render: r => (
        <Box display="flex" style={{ gap: 4 }}>
          {r.needsSignOff && maySignOffRisk(r, ownershipRefs) && (
            <Button
              size="small"
              variant="contained"
              color="primary"
              disabled={busy === r.id}
              onClick={() => signOff(r)}
            >
              Sign off
            </Button>
          )}
          {onEdit && (
            <Button
              size="small"
              startIcon={<EditIcon />}
              onClick={() => onEdit(r)}
            >
              Edit
            </Button>
          )}
        </Box>
      ),
    },
  ];

  return (
    <>
      {conflict && (
        <Box mb={2}>
          <ConflictAlert
            what="risk"
            onReload={() => {
              setConflict(false);
              onChanged();
            }}
          />
        </Box>
      )}
      {error && (
        <Box mb={2}>
          <ResponseErrorPanel error={error} title="Sign-off failed" />
        </Box>
      )}
      <Table<Risk>
        title={`${props.title} (${totalCount})`}
        columns={columns}
        data={risks}
        isLoading={loading}
        options={{
          paging: risks.length > 20,
          pageSize: 20,
          search: true,
          sorting: true,
          padding: 'dense',
          emptyRowsWhenPaging: false,
          actionsColumnIndex: -1,
        }}
        emptyContent={
          <Box p={2}>
            <Typography>{emptyText}</Typography>
          </Box>
        }
      />
      {risks.length < totalCount && (
        <Typography variant="caption" color="textSecondary">
          Showing {risks.length} of {totalCount} risks; download the CSV for all
          of them.
        </Typography>
      )}
    </>
  );
}
