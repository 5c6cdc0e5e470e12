import { Soa } from '@aims-backstage/backstage-plugin-aims-common';
import { Box, Button, Typography, makeStyles } from '@material-ui/core';
import PrintIcon from '@material-ui/icons/Print';

import { formatTime } from '../common/labels';
import { CoverageBar } from './CoverageBar';
import { SoaControlTable } from './SoaControlTable';
import { IMPLEMENTATION_STATUS_LABELS, SOA_STATUS_LABELS } from './labels';

/**
 * The print stylesheet: the Backstage chrome (sidebar, page header, tabs) and every action stay
 * off paper, the content takes the whole page, and backgrounds (the coverage bars) print.
 * Plain CSS in a style element: @page and selectors of other components' elements are
 * outside what a component's own style sheet can say.
 */
export const SOA_PRINT_CSS = `
@media print {
  @page { margin: 14mm 12mm 18mm 12mm; }
  /* the sidebar (its nav and drawer), the page header, tabs and buttons; not the
     BackstageSidebarPage root, which wraps the whole page */
  nav, header, [class*="BackstageSidebar-drawer"], [class*="bui-Header"],
  [class*="MuiTabs-root"], .aims-no-print, button {
    display: none !important;
  }
  [class*="BackstageSidebarPage-root"], main, [class*="BackstageContent"],
  [class*="BackstagePage"] {
    padding: 0 !important;
    margin: 0 !important;
    overflow: visible !important;
    height: auto !important;
  }
  body { background: #fff !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`;

const useStyles = makeStyles(theme => ({
  category: {
    marginTop: theme.spacing(3),
    breakAfter: 'avoid',
    pageBreakAfter: 'avoid',
  },
  footer: {
    display: 'none',
    '@media print': {
      // a fixed element repeats on every printed page in Chromium
      display: 'block',
      position: 'fixed',
      bottom: 0,
      left: 0,
      right: 0,
      fontSize: 10,
      textAlign: 'center',
      color: '#555',
    },
  },
}));

/**
 * The SoA laid out for paper (`?tab=soa&print=1`): every row with its evidence listed,
 * category headings kept with their rows, a row never split over two pages, a footer with
 * the version on each page, and no Backstage chrome or buttons when printed.
 */
export function SoaPrintView(props: { soa: Soa; onClose: () => void }) {
  const { soa } = props;
  const classes = useStyles();
  const versionText = soa.version
    ? `Statement of Applicability v${soa.version} (${
        SOA_STATUS_LABELS[soa.status] ?? soa.status
      })${soa.approvedAt ? `, approved ${formatTime(soa.approvedAt)}` : ''}`
    : 'Statement of Applicability (no version yet)';
  return (
    <Box data-testid="soa-print-view">
      <style>{SOA_PRINT_CSS}</style>
      <Box className="aims-no-print" display="flex" mb={2} style={{ gap: 8 }}>
        <Button
          variant="contained"
          color="primary"
          startIcon={<PrintIcon />}
          onClick={() => window.print()}
        >
          Print
        </Button>
        <Button variant="outlined" onClick={props.onClose}>
          Back to the SoA
        </Button>
      </Box>
      <Typography variant="h4" component="h1">
        Statement of Applicability
      </Typography>
      <Typography variant="body2" gutterBottom data-testid="soa-print-version">
        {versionText}
        {soa.approvedBy ? ` by ${soa.approvedBy}` : ''} ·{' '}
        {soa.catalogue.standard} Annex {soa.catalogue.annex},{' '}
        {soa.catalogue.controlCount} controls · printed{' '}
        {formatTime(new Date().toISOString())}
      </Typography>
      <CoverageBar coverage={soa.coverage} label="All Annex A controls" />
      {soa.categories.map(cat => (
        <Box key={cat.categoryId}>
          <Typography variant="h6" component="h2" className={classes.category}>
            {cat.categoryId} {cat.categoryTitle}
          </Typography>
          <CoverageBar
            coverage={cat}
            label={`${cat.categoryId} ${cat.categoryTitle}`}
            testId={`print-coverage-${cat.categoryId}`}
          />
          <SoaControlTable
            print
            caption={`${cat.categoryId} ${cat.categoryTitle}`}
            rows={soa.controls.filter(r => r.categoryId === cat.categoryId)}
          />
        </Box>
      ))}
      {soa.additionalControls.length > 0 && (
        <Box>
          <Typography variant="h6" component="h2" className={classes.category}>
            The organisation's own controls
          </Typography>
          {soa.additionalControls.map(c => (
            <Typography
              key={c.id}
              variant="body2"
              style={{ breakInside: 'avoid' }}
            >
              <strong>{c.id}</strong> {c.title} —{' '}
              {c.applicable ? 'applicable' : 'not applicable'},{' '}
              {IMPLEMENTATION_STATUS_LABELS[c.implementationStatus]}
              {c.justification ? `: ${c.justification}` : ''}
            </Typography>
          ))}
        </Box>
      )}
      <div className={classes.footer} data-testid="soa-print-footer">
        {versionText}
      </div>
    </Box>
  );
}
