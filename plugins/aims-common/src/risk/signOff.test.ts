import { maySignOffRisk } from './signOff';

const ANA = [
  'user:default/ana',
  'group:default/risk-ml',
  'group:default/engineering',
];

describe('maySignOffRisk', () => {
  it('lets the recorded risk owner sign off', () => {
    expect(maySignOffRisk({ riskOwner: 'user:default/ana' }, ANA)).toBe(true);
    // refs compare in full and without regard to case; a ref without kind is a user's
    expect(maySignOffRisk({ riskOwner: 'User:default/Ana' }, ANA)).toBe(true);
    expect(maySignOffRisk({ riskOwner: 'ana' }, ANA)).toBe(true);
  });

  it('lets any member of the owning group sign off', () => {
    expect(maySignOffRisk({ riskOwner: 'group:default/risk-ml' }, ANA)).toBe(
      true,
    );
    expect(maySignOffRisk({ riskOwner: 'group:risk-ml' }, ANA)).toBe(true);
  });

  it('refuses everyone else', () => {
    expect(maySignOffRisk({ riskOwner: 'user:default/bob' }, ANA)).toBe(false);
    expect(maySignOffRisk({ riskOwner: 'group:default/compliance' }, ANA)).toBe(
      false,
    );
    // same name, other kind or namespace: not the same owner
    expect(maySignOffRisk({ riskOwner: 'group:default/ana' }, ANA)).toBe(false);
    expect(maySignOffRisk({ riskOwner: 'user:other/ana' }, ANA)).toBe(false);
    expect(maySignOffRisk({ riskOwner: 'user:default/ana' }, [])).toBe(false);
    expect(maySignOffRisk({ riskOwner: '' }, [''])).toBe(false);
  });
});
