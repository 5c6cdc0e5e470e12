import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { completeImpactAssessmentContent } from '../../testUtils/fixtures';
import { ImpactAssessmentContentView } from './ContentView';

describe('ImpactAssessmentContentView', () => {
  it('keeps the dimension table headers whole (the theme would break "Effect" mid-word)', async () => {
    await renderInTestApp(
      <ImpactAssessmentContentView
        content={completeImpactAssessmentContent()}
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const table = await screen.findByRole('table', {
      name: 'Individuals or groups (A.5.4)',
    });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map(h => h.textContent)).toEqual([
      'Dimension',
      'Effect',
      'Description',
      'Rating',
      'Mitigation',
      'Residual',
    ]);
    for (const header of headers) {
      const style = window.getComputedStyle(header);
      expect([header.textContent, style.whiteSpace, style.wordBreak]).toEqual([
        header.textContent,
        'nowrap',
        'normal',
      ]);
    }
    // body text wraps between words, and inside a word only when it alone is too wide
    const cell = within(table).getAllByRole('cell')[0];
    expect(window.getComputedStyle(cell).wordBreak).toBe('normal');
    expect(window.getComputedStyle(cell).overflowWrap).toBe('break-word');
  });
});
