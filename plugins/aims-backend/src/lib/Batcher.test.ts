import { Batcher } from './Batcher';

describe('Batcher', () => {
  it('handles a lone item on its own, and concurrent items in one batch', async () => {
    const batches: number[][] = [];
    const b = new Batcher<number, number>(async items => {
      batches.push(items);
      return items.map(i => i * 2);
    });
    expect(await b.submit(1)).toBe(2);
    expect(await Promise.all([b.submit(2), b.submit(3), b.submit(4)])).toEqual([
      4, 6, 8,
    ]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('queues what arrives while a batch runs into the next batch, at most maxBatch at a time', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>(r => {
      release = r;
    });
    const b = new Batcher<number, number>(async items => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items;
    }, 2);
    const first = b.submit(0);
    await new Promise(r => setImmediate(r)); // the first batch is running
    const later = [1, 2, 3, 4, 5].map(i => b.submit(i));
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(batches).toEqual([[0], [1, 2], [3, 4], [5]]);
  });

  it('rejects only the items whose outcome is an Error; a throwing handler rejects its batch only', async () => {
    let fail = false;
    const b = new Batcher<number, string>(async items => {
      if (fail) throw new Error('database down');
      return items.map(i => (i % 2 ? new Error(`odd ${i}`) : `even ${i}`));
    });
    const results = await Promise.allSettled([1, 2, 3].map(i => b.submit(i)));
    expect(
      results.map(r =>
        r.status === 'fulfilled'
          ? r.value
          : String((r as PromiseRejectedResult).reason),
      ),
    ).toEqual(['Error: odd 1', 'even 2', 'Error: odd 3']);
    fail = true;
    await expect(b.submit(2)).rejects.toThrow('database down');
    fail = false;
    expect(await b.submit(4)).toBe('even 4');
  });

  it('rejects a batch whose handler returns the wrong number of outcomes', async () => {
    const b = new Batcher<number, number>(async () => [1]);
    const results = await Promise.allSettled([b.submit(1), b.submit(2)]);
    expect(results.every(r => r.status === 'rejected')).toBe(true);
  });
});
