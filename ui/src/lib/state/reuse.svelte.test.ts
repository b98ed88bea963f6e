import { describe, expect, it } from 'vitest';
import type { LibraryReuse } from '../bindings/LibraryReuse';
import { backendWith, deferred } from '../testing/factories';
import { LibraryReuseState, MIN_PASSAGE_WORDS } from './reuse.svelte';

const found: LibraryReuse = {
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

  it('keeps the latest answer and shows a failure', async () => {
    const first = deferred<LibraryReuse>();
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
    const second = reuse.load();
    await second;
    expect(reuse.error).toBe('disk I/O error');
    first.resolve(found);
    await Promise.resolve();
    expect(reuse.result).toBeNull();
    expect(reuse.loading).toBe(false);
  });
});
