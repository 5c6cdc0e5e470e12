import { chunk, toIsoTimestamp } from './db';

describe('chunk', () => {
  it('splits into pieces of at most the size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
    expect(
      chunk(Array.from({ length: 1001 }, (_, i) => i)).map(c => c.length),
    ).toEqual([500, 500, 1]);
  });
});

describe('toIsoTimestamp', () => {
  const iso = '2026-01-02T03:04:05.000Z';
  it.each([
    [new Date(iso), iso],
    [Date.parse(iso), iso],
    [String(Date.parse(iso)), iso],
    ['2026-01-02 03:04:05', iso],
    ['2026-01-02T03:04:05Z', iso],
    ['2026-01-02T05:04:05+02:00', iso],
    [null, null],
    [undefined, null],
    ['garbage', null],
  ])('converts %p', (input, expected) => {
    expect(toIsoTimestamp(input)).toBe(expected);
  });
});
