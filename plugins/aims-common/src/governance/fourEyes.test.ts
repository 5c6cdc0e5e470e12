import {
  fourEyesExcluded,
  fourEyesViolation,
  mayApproveFourEyes,
  withContributor,
} from './fourEyes';

const stubDraft = {
  // alice opened a stub draft; carol (compliance) then wrote all of it and submitted it
  author: 'user:default/alice',
  contributors: ['user:default/alice', 'user:default/carol'],
  submittedBy: 'user:default/carol',
};

describe('four eyes', () => {
  it('refuses a contributor who is not the author (the stub-draft sequence)', () => {
    expect(mayApproveFourEyes('user:default/carol', stubDraft)).toBe(false);
    expect(fourEyesViolation('user:default/carol', stubDraft)).toMatch(
      /cannot approve/,
    );
  });

  it('refuses the submitter even when they wrote nothing', () => {
    const record = {
      author: 'user:default/alice',
      contributors: ['user:default/alice'],
      submittedBy: 'user:default/Dave',
    };
    expect(fourEyesViolation('user:default/dave', record)).toMatch(
      /submitted this/,
    );
  });

  it('refuses the author, case-insensitively, also of a record without contributors', () => {
    expect(
      mayApproveFourEyes('User:default/Alice', {
        author: 'user:default/alice',
      }),
    ).toBe(false);
  });

  it('allows anyone else', () => {
    expect(mayApproveFourEyes('user:default/erin', stubDraft)).toBe(true);
    expect(fourEyesViolation('user:default/erin', stubDraft)).toBeUndefined();
  });

  it('lists the excluded users once each', () => {
    expect(
      fourEyesExcluded({
        ...stubDraft,
        contributors: [...stubDraft.contributors, 'USER:default/alice'],
      }),
    ).toEqual(['user:default/alice', 'user:default/carol']);
    expect(fourEyesExcluded({ author: null, contributors: null })).toEqual([]);
  });

  it('adds a contributor once, in the order of first contribution', () => {
    expect(withContributor([], 'user:default/Alice')).toEqual([
      'user:default/alice',
    ]);
    expect(
      withContributor(['user:default/alice'], 'user:default/carol'),
    ).toEqual(['user:default/alice', 'user:default/carol']);
    expect(
      withContributor(
        ['user:default/alice', 'user:default/carol'],
        'user:default/ALICE',
      ),
    ).toEqual(['user:default/alice', 'user:default/carol']);
  });
});
