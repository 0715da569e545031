import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFirstRuns, type FirstRunRecord } from '../../../eval/lib/first-runs.js';

describe('first-run records', () => {
  let root: string;
  const a = 'No one on either trawler was injured.';
  const b = 'Three of our sailors were injured in the collision.';

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'claimtrace-first-runs-'));
    mkdirSync(path.join(root, 'examples/probes'), { recursive: true });
    mkdirSync(path.join(root, 'examples/first-runs'), { recursive: true });
    const source = (url: string, text: string) =>
      JSON.stringify({
        title: 't',
        url,
        publisher: 'P',
        author: null,
        publishedAt: '2126-03-14T12:00:00Z',
        language: 'en',
        text,
      });
    writeFileSync(
      path.join(root, 'examples/probes/tiny.jsonl'),
      `${source('https://tiny-1.example/a', a)}\n${source('https://tiny-2.example/b', b)}\n`,
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const record = (sentence: string): FirstRunRecord => ({
    commit: 'abc1234',
    method: 'claimtrace-relation@0.0.0',
    command: 'test',
    sets: [
      {
        name: 'tiny',
        links: [
          {
            a: sentence,
            b,
            relation: 'CONTRADICTS',
            confidence: 0.7,
            signals: ['QUANTITY_MISMATCH', 'THIN_OVERLAP', 'SMALL_COVERAGE'],
            right: true,
          },
        ],
      },
    ],
  });

  it('reads the links as first-run rows and the overlap kinds again from the sentences', () => {
    writeFileSync(path.join(root, 'examples/first-runs/r.json'), JSON.stringify(record(a)));
    const rows = readFirstRuns(root);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ set: 'tiny', relation: 'CONTRADICTS', learned: false });
    // The recorded SMALL_COVERAGE is not what these two sentences share; THIN_OVERLAP is.
    expect(rows[0]!.signals).toEqual(['QUANTITY_MISMATCH', 'THIN_OVERLAP', 'PARTIAL_COVERAGE']);
  });

  it('says which set lacks a sentence of a record', () => {
    writeFileSync(
      path.join(root, 'examples/first-runs/r.json'),
      JSON.stringify(record('A sentence that is in no source.')),
    );
    expect(() => readFirstRuns(root)).toThrow(/set tiny is not in examples\/probes\/tiny.jsonl/);
  });

  it('has none to read without the folder', () => {
    rmSync(path.join(root, 'examples/first-runs'), { recursive: true });
    expect(readFirstRuns(root)).toEqual([]);
  });
});
