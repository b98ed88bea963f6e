// A .svelte.test.ts file: some tests watch the state through runes, as a component would.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { AfterImport } from '../bindings/AfterImport';
import type { AfterImportProgress } from '../bindings/AfterImportProgress';
import type { ImportEvent } from '../bindings/ImportEvent';
import type { ImportReport } from '../bindings/ImportReport';
import { NO_PROGRESS } from '../progress';
import { backendWith, deferred, report } from '../testing/factories';
import { Banner } from './banner.svelte';
import { Importer, mergeReports } from './importer.svelte';

const imported = (id: number) => ({
  id,
  path: `/news/${id}.txt`,
  title: `T${id}`,
  titleDerived: false,
  outlet: null,
  agency: null,
  author: null,
  published: null,
});

describe('Importer', () => {
  it('shows progress from the channel while importing, then the report, then refreshes', async () => {
    const finished = deferred<ImportReport>();
    const learned = deferred<AfterImport>();
    let send: (event: ImportEvent) => void = () => {};
    let sendLearning: (progress: AfterImportProgress) => void = () => {};
    let learnedIds: number[] = [];
    let refreshed = 0;
    const importer = new Importer(
      backendWith({
        importPaths: (_paths, onProgress) => {
          send = onProgress;
          return finished.promise;
        },
        afterImport: (ids, onProgress) => {
          learnedIds = ids;
          sendLearning = onProgress;
          return learned.promise;
        },
      }),
      new Banner(),
      async () => {
        refreshed++;
      },
    );

    const running = importer.importPaths(['/news']);
    expect(importer.running).toBe(true);
    send({ kind: 'started', total: 2 });
    send({ kind: 'file', done: 1, total: 2, path: '/news/a.pdf', outcome: 'imported' });
    expect(importer.progress).toMatchObject({ done: 1, total: 2, current: '/news/a.pdf', imported: 1 });
    send({ kind: 'file', done: 2, total: 2, path: '/news/b.pdf', outcome: 'failed' });
    expect(importer.progress.failed).toBe(1);

    finished.resolve(report({ imported: [imported(7)], failed: [{ path: '/news/b.pdf', error: 'not a PDF' }] }));
    await running;
    expect(importer.running).toBe(false);
    expect(importer.report?.failed[0]?.error).toBe('not a PDF');
    expect(refreshed).toBe(1);

    // The work after the import runs in the background, with its own progress, and refreshes
    // the library again when it is done; the report did not wait for it.
    expect(learnedIds).toEqual([7]);
    expect(importer.learning).toEqual({ done: 0, total: 0 });
    sendLearning({ done: 1, total: 2 });
    expect(importer.learning).toEqual({ done: 1, total: 2 });
    learned.resolve({ languages: 1, boilerplate: { outlets: 1, articles: 0 } });
    await importer.settled();
    expect(importer.learning).toBeNull();
    expect(refreshed).toBe(2);
    // A message of the finished run arriving late does not bring its progress back.
    sendLearning({ done: 2, total: 2 });
    expect(importer.learning).toBeNull();

    importer.dismissReport();
    expect(importer.report).toBeNull();
  });

  it('resumes the work after an earlier import at start, and a failed resume adds no banner', async () => {
    let asked: number[] | null = null;
    const banner = new Banner();
    const importer = new Importer(
      backendWith({
        afterImport: (ids) => {
          asked = ids;
          return Promise.reject({ code: 'database', message: 'the library is not open' });
        },
      }),
      banner,
      async () => {},
    );
    importer.resumeLearning();
    await importer.settled();
    expect(asked).toEqual([]);
    expect(banner.notices).toEqual([]);
    expect(importer.learning).toBeNull();
  });

  it('queues drops that arrive during an import and adds their results to one report', async () => {
    const calls: string[][] = [];
    const answers = [deferred<ImportReport>(), deferred<ImportReport>()];
    const importer = new Importer(
      backendWith({
        importPaths: (paths) => {
          calls.push(paths);
          return answers[calls.length - 1]!.promise;
        },
      }),
      new Banner(),
      async () => {},
    );
    const first = importer.importPaths(['/a']);
    void importer.importPaths(['/b']);
    expect(importer.queued).toBe(1);
    expect(calls).toEqual([['/a']]);

    answers[0]!.resolve(report({ imported: [imported(1)] }));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([['/a'], ['/b']]);
    answers[1]!.resolve(report({ duplicates: [{ path: '/b/x.txt', existingId: 1, existingTitle: 'T1' }] }));
    await first;
    expect(importer.running).toBe(false);
    expect(importer.report?.imported).toHaveLength(1);
    expect(importer.report?.duplicates).toHaveLength(1);
  });

  it('shows the waiting count on screen as drops queue up and run', async () => {
    const answers = [deferred<ImportReport>(), deferred<ImportReport>()];
    let calls = 0;
    const importer = new Importer(
      backendWith({ importPaths: () => answers[calls++]!.promise }),
      new Banner(),
      async () => {},
    );
    const shown: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        shown.push(importer.queued);
      });
    });
    try {
      flushSync();
      const first = importer.importPaths(['/a']);
      void importer.importPaths(['/b']);
      flushSync();
      expect(shown).toEqual([0, 1]);
      answers[0]!.resolve(report());
      await new Promise((r) => setTimeout(r, 0));
      flushSync();
      expect(calls).toBe(2);
      expect(shown).toEqual([0, 1, 0]);
      answers[1]!.resolve(report());
      await first;
    } finally {
      stop();
    }
  });

  it('ignores progress messages that arrive after their import finished', async () => {
    const answers = [deferred<ImportReport>(), deferred<ImportReport>()];
    const senders: ((event: ImportEvent) => void)[] = [];
    const importer = new Importer(
      backendWith({
        importPaths: (_paths, onProgress) => {
          senders.push(onProgress);
          return answers[senders.length - 1]!.promise;
        },
      }),
      new Banner(),
      async () => {},
    );
    const first = importer.importPaths(['/a']);
    void importer.importPaths(['/b']);
    answers[0]!.resolve(report({ imported: [imported(1)] }));
    await new Promise((r) => setTimeout(r, 0));
    expect(senders).toHaveLength(2);
    // The first job's channel still delivers a message after its command answered.
    senders[0]!({ kind: 'file', done: 3, total: 3, path: '/a/late.txt', outcome: 'imported' });
    expect(importer.progress).toEqual(NO_PROGRESS);
    senders[1]!({ kind: 'started', total: 1 });
    expect(importer.progress.total).toBe(1);
    answers[1]!.resolve(report());
    await first;
    // And nothing at all once every job is over.
    senders[1]!({ kind: 'file', done: 1, total: 1, path: '/b/x.txt', outcome: 'failed' });
    expect(importer.progress.failed).toBe(0);
  });

  it('reports a failed import in the banner and stays usable', async () => {
    const banner = new Banner();
    const importer = new Importer(
      backendWith({ importSample: () => Promise.reject({ code: 'io', message: 'sample missing' }) }),
      banner,
      async () => {},
    );
    await importer.importSample();
    expect(importer.running).toBe(false);
    expect(importer.report).toBeNull();
    expect(banner.notices[0]).toMatchObject({ context: 'Couldn’t open the sample', message: 'sample missing' });
  });

  it('shows the overlay while a drag is over the window and imports the drop', async () => {
    const dropped: string[][] = [];
    const importer = new Importer(
      backendWith({
        importPaths: async (paths) => {
          dropped.push(paths);
          return report();
        },
      }),
      new Banner(),
      async () => {},
    );
    importer.handleDragDrop({ type: 'enter', paths: ['/x/a.txt', '/x/folder'] });
    expect(importer.dragging).toBe(true);
    expect(importer.dragCount).toBe(2);
    importer.handleDragDrop({ type: 'leave' });
    expect(importer.dragging).toBe(false);
    importer.handleDragDrop({ type: 'over' });
    expect(importer.dragging).toBe(true);
    importer.handleDragDrop({ type: 'drop', paths: ['/x/a.txt'] });
    expect(importer.dragging).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(dropped).toEqual([['/x/a.txt']]);
  });

  it('does nothing when the picker is cancelled', async () => {
    let imports = 0;
    const importer = new Importer(
      backendWith({
        pickFiles: async () => [],
        importPaths: async () => {
          imports++;
          return report();
        },
      }),
      new Banner(),
      async () => {},
    );
    await importer.pickFiles();
    expect(imports).toBe(0);
    expect(importer.picking).toBe(false);
  });
});

describe('mergeReports', () => {
  it('concatenates each group', () => {
    const merged = mergeReports(
      report({ imported: [imported(1)], failed: [{ path: 'a', error: 'x' }] }),
      report({ imported: [imported(2)] }),
    );
    expect(merged.imported.map((f) => f.id)).toEqual([1, 2]);
    expect(merged.failed).toHaveLength(1);
  });
});
