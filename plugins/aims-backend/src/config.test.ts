import { mockServices } from '@backstage/backend-test-utils';
import {
  durationMs,
  readDeploymentReportsFreshnessMs,
  readDriftGracePeriodMs,
  readDriftSchedule,
  readFreshnessWindowMs,
  readSourceSchedule,
} from './config';

const config = (data: object) => mockServices.rootConfig({ data });

describe('drift configuration', () => {
  it('reads durations as HumanDuration objects or ISO strings', () => {
    expect(durationMs({ hours: 1, minutes: 30 })).toBe(90 * 60_000);
    expect(durationMs({ cron: '* * * * *' })).toBeUndefined();
    expect(durationMs({ trigger: 'manual' })).toBeUndefined();
    expect(readDriftGracePeriodMs(config({}))).toBe(3600_000);
    expect(
      readDriftGracePeriodMs(
        config({ aims: { drift: { gracePeriod: { minutes: 10 } } } }),
      ),
    ).toBe(600_000);
    expect(
      readDriftGracePeriodMs(
        config({ aims: { drift: { gracePeriod: 'PT2H' } } }),
      ),
    ).toBe(7200_000);
    expect(() =>
      readDriftGracePeriodMs(
        config({ aims: { drift: { gracePeriod: 'soon' } } }),
      ),
    ).toThrow(/aims\.drift\.gracePeriod/);
  });

  it('schedules drift every 5 minutes unless aims.drift.schedule says otherwise', () => {
    expect(readDriftSchedule(config({})).frequency).toEqual({ minutes: 5 });
    expect(
      readDriftSchedule(
        config({
          aims: {
            drift: {
              schedule: { frequency: { minutes: 1 }, timeout: { seconds: 50 } },
            },
          },
        }),
      ).frequency,
    ).toEqual({ minutes: 1 });
  });

  it('lets aims.sources.<id> override a source schedule and freshness; default 3 × frequency', () => {
    const own = { frequency: { minutes: 10 }, timeout: { minutes: 1 } };
    expect(readSourceSchedule(config({}), 'k8s', own)).toBe(own);
    const c = config({
      aims: {
        sources: {
          k8s: {
            schedule: { frequency: { minutes: 2 }, timeout: { minutes: 1 } },
            freshnessWindow: { minutes: 45 },
          },
        },
      },
    });
    expect(readSourceSchedule(c, 'k8s', own).frequency).toEqual({ minutes: 2 });
    expect(readFreshnessWindowMs(c, 'k8s', undefined, own)).toBe(45 * 60_000);
    expect(readFreshnessWindowMs(config({}), 'k8s', 1234, own)).toBe(1234);
    expect(readFreshnessWindowMs(config({}), 'k8s', undefined, own)).toBe(
      30 * 60_000,
    );
    expect(
      readFreshnessWindowMs(config({}), 'k8s', undefined, {
        frequency: { cron: '0 * * * *' },
        timeout: { minutes: 1 },
      }),
    ).toBe(3 * 3600_000);
    expect(readDeploymentReportsFreshnessMs(config({}))).toBeGreaterThan(
      50 * 365 * 24 * 3600_000,
    );
  });
});
