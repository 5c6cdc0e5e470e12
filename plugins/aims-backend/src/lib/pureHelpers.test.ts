import {
  DEFAULT_RISK_MATRIX,
  FindingDraft,
} from '@aims-backstage/backstage-plugin-aims-common';
import { planFindingReconcile } from '../findings/findingsReconcile';
import { resolveImportTarget } from '../assessments/importLocation';
import { toFullRef } from './ownership';
import { parseRiskQuery } from '../risks/riskQuery';
import { nextOpenActionDue, scoresInBand } from '../risks/riskView';

const draft = (key: string): FindingDraft => ({
  key,
  type: 'risk-not-signed-off',
  entityRef: 'aisystem:default/a',
  severity: 'high',
  evidence: {},
});

describe('planFindingReconcile', () => {
  it('inserts new, touches present, reopens resolved, resolves gone', () => {
    const plan = planFindingReconcile(
      [
        { id: '1', key: 'present', status: 'acknowledged', occurrences: 1 },
        { id: '2', key: 'back', status: 'resolved', occurrences: 2 },
        { id: '3', key: 'gone', status: 'open', occurrences: 1 },
        { id: '4', key: 'still-resolved', status: 'resolved', occurrences: 1 },
      ],
      [draft('present'), draft('back'), draft('new'), draft('new')],
    );
    expect(plan.insert.map(d => d.key)).toEqual(['new']);
    expect(plan.touch.map(t => t.id)).toEqual(['1']);
    expect(plan.reopen).toEqual([
      { id: '2', draft: draft('back'), occurrences: 3 },
    ]);
    expect(plan.resolve).toEqual(['3']);
  });
});

describe('risk helpers', () => {
  it('lists the scores of a band on the default matrix', () => {
    expect(scoresInBand('low', DEFAULT_RISK_MATRIX)).toEqual([1, 2, 3, 4]);
    expect(scoresInBand('critical', DEFAULT_RISK_MATRIX)).toEqual([
      17, 18, 19, 20, 21, 22, 23, 24, 25,
    ]);
  });
  it('finds the earliest open action', () => {
    expect(
      nextOpenActionDue([
        { description: 'a', owner: 'u', dueDate: '2026-03-01', status: 'open' },
        { description: 'b', owner: 'u', dueDate: '2026-01-01', status: 'done' },
        { description: 'c', owner: 'u', dueDate: '2026-02-01', status: 'open' },
      ]),
    ).toBe('2026-02-01');
    expect(nextOpenActionDue([])).toBeNull();
  });
  it('shapes the list query (the spec has checked enums and ranges), naming a bad ref', () => {
    expect(parseRiskQuery({})).toMatchObject({
      limit: 50,
      offset: 0,
      orderBy: 'score',
      order: 'desc',
    });
    expect(parseRiskQuery({ format: 'csv', owner: 'alice' })).toMatchObject({
      limit: undefined,
      owner: 'user:default/alice',
    });
    expect(parseRiskQuery({ orderBy: 'title' }).order).toBe('asc');
    expect(() => parseRiskQuery({ owner: 'user:' })).toThrow(/owner/);
  });
});

describe('toFullRef', () => {
  it('normalises refs, with the default kind for a ref without one', () => {
    expect(toFullRef('Alice', 'user')).toBe('user:default/alice');
    expect(toFullRef('Group:Default/Risk-ML', 'user')).toBe(
      'group:default/risk-ml',
    );
  });
});

describe('resolveImportTarget', () => {
  const entity = (annotation: string, location: string) => ({
    apiVersion: 'aims.dev/v1alpha1',
    kind: 'AISystem',
    metadata: {
      name: 'x',
      annotations: {
        'aims.dev/impact-assessment': annotation,
        'backstage.io/managed-by-location': location,
      },
    },
  });
  it('resolves next to file and url locations', () => {
    expect(
      resolveImportTarget(
        entity('ia.yaml', 'file:/repo/svc/catalog-info.yaml'),
      ),
    ).toEqual({
      type: 'file',
      path: '/repo/svc/ia.yaml',
      // stored and shown: relative to the catalog file, without the server's directory
      location: 'file:ia.yaml',
    });
    expect(
      resolveImportTarget(
        entity('docs/ia.yaml', 'file:/repo/svc/catalog-info.yaml'),
      ),
    ).toEqual({
      type: 'file',
      path: '/repo/svc/docs/ia.yaml',
      location: 'file:docs/ia.yaml',
    });
    expect(
      resolveImportTarget(
        entity(
          'docs/ia.json',
          'url:https://git.example.com/o/r/blob/main/catalog-info.yaml',
        ),
      ),
    ).toEqual({
      type: 'url',
      url: 'https://git.example.com/o/r/blob/main/docs/ia.json',
      location: 'url:https://git.example.com/o/r/blob/main/docs/ia.json',
    });
  });
  it.each([
    '../secrets.yaml',
    '/etc/passwd.yaml',
    'ia.txt',
    'https://evil.example.com/x.yaml',
  ])('refuses %s', p => {
    expect(() =>
      resolveImportTarget(entity(p, 'file:/repo/catalog-info.yaml')),
    ).toThrow(/aims.dev\/impact-assessment/);
  });
});
