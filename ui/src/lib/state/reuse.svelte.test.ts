import { describe, expect, it, vi } from 'vitest';
import type { ReuseReport } from '../bindings/ReuseReport';
import { backendWith, deferred } from '../testing/factories';
import { LibraryReuseState, MIN_PASSAGE_WORDS } from './reuse.svelte';

const found: ReuseReport = {
  passages: [
    {
      a: { article: 1, start: 0, end: 100 },
      b: { article: 2, start: 50, end: 150 },
      words: 30,
      similarity: 0.96,
      first: 1,
    },
  ],
  articles: [
    { article: 1, words: 300, reusedWords: 30, partners: [2] },
    { article: 2, words: 200, reusedWords: 30, partners: [1] },
  ],
};

describe('LibraryReuseState', () => {
  it('asks once when opened, again only after the library changed', async () => {
    const asked: number[] = [];
    const reuse = new LibraryReuseState(
      backendWith({
        libraryReuse: async (minWords) => {
          asked.push(minWords);
          return found;
        },
      }),
    );
    reuse.toggle();
    await Promise.resolve();
    await Promise.resolve();
    expect(reuse.result).toEqual(found);
    reuse.toggle();
    reuse.toggle();
    expect(asked).toEqual([MIN_PASSAGE_WORDS]);
    reuse.stale();
    await Promise.resolve();
    expect(asked).toHaveLength(2);
  });

  it('drops an answer the library changed under, and searches once more', async () => {
    const first = deferred<ReuseReport>();
    let calls = 0;
    const reuse = new LibraryReuseState(
      backendWith({
        libraryReuse: () => {
          calls++;
          return calls === 1 ? first.promise : Promise.reject({ code: 'database', message: 'disk I/O error' });
        },
      }),
    );
    reuse.toggle();
    await reuse.load(); // already running: no second search
    expect(calls).toBe(1);
    reuse.stale(); // an import finished meanwhile
    first.resolve(found);
    await vi.waitFor(() => expect(calls).toBe(2));
    await vi.waitFor(() => expect(reuse.loading).toBe(false));
    expect(reuse.result).toBeNull();
    expect(reuse.error).toBe('disk I/O error');
  });
});
