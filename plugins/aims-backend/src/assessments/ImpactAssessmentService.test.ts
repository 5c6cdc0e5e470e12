import { TestDatabases } from '@backstage/backend-test-utils';
import { ImpactAssessmentContent } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { migrate } from '../lib/migrate';
import { ImpactAssessmentService } from './ImpactAssessmentService';
import { ImpactAssessmentStore } from './ImpactAssessmentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const REF = 'aisystem:default/concurrent-edits';
const at = new Date('2026-06-01T12:00:00Z');
/** A draft may lack fields (validated with complete: false). */
const draft = (intendedUse: string) =>
  ({
    intendedUse,
  } as Partial<ImpactAssessmentContent> as ImpactAssessmentContent);

describe.each(databases.eachSupportedId())(
  'ImpactAssessmentService on %s',
  databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await migrate({ getClient: async () => knex });
    });

    it('answers a draft save with the version as it wrote it, even when another save lands before the answer', async () => {
      const the: { service?: ImpactAssessmentService } = {};
      let interleaved = false;
      // the audit notification runs after the commit and before the answer: the other
      // editor's save lands exactly there
      const audit = {
        record: async () => {},
        emit: async () => {
          if (interleaved) return;
          interleaved = true;
          await the.service!.saveDraftAs(
            REF,
            draft('second editor'),
            'user:default/bob',
            at,
            'test',
          );
        },
      };
      const service = new ImpactAssessmentService(
        knex,
        new ImpactAssessmentStore(knex, () => at),
        {} as any,
        {} as any,
        {} as any,
        audit as any,
        {} as any,
        () => at,
      );
      the.service = service;

      const first = await service.saveDraftAs(
        REF,
        draft('first editor'),
        'user:default/alice',
        at,
        'test',
      );
      // the first editor holds revision 1 with its own content; building on revision 2 (which
      // it never saw) would overwrite the second editor's save without a 409
      expect(first).toMatchObject({
        version: 1,
        revision: 1,
        content: { intendedUse: 'first editor' },
      });
      const [stored] = await new ImpactAssessmentStore(knex).listVersions(REF);
      expect(stored).toMatchObject({
        revision: 2,
        content: { intendedUse: 'second editor' },
      });
    });
  },
);
