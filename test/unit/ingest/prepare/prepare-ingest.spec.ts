import { prepareIngest } from '../../../../src/ingest/prepare/prepare-ingest.js';
import { normalizePublisherName } from '../../../../src/ingest/prepare/publisher-name.js';
import { htmlToArticle } from '../../../../src/ingest/prepare/html-to-article.js';

const limits = { maxSourceBytes: 1000 };
const ws = '7d5e0a3c-0000-4000-8000-000000000001';

describe('preparing an ingest', () => {
  it('hashes the text and the original bytes separately and extracts claims', () => {
    const p = prepareIngest(
      { workspaceId: ws, html: '<p>The army said 3 tanks crossed the river on 2 May 2030.</p>' },
      limits,
    );
    expect(p.text).toBe('The army said 3 tanks crossed the river on 2 May 2030.');
    expect(p.originalFormat).toBe('HTML');
    expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(p.originalHash).not.toBe(p.contentHash);
    expect(p.claims).toHaveLength(1);
    expect(p.extractor).toMatch(/^claimtrace-extract@/);
  });

  it('normalises the URL identity (no fragment) and keeps metadata trimmed', () => {
    const p = prepareIngest(
      { workspaceId: ws, text: 'A.', url: 'https://x.example/a#comments', title: '  T  ' },
      limits,
    );
    expect(p.url).toBe('https://x.example/a');
    expect(p.title).toBe('T');
  });

  it.each([
    [{ text: 'x'.repeat(1001) }, /1001 bytes; the limit is 1000/],
    [{ text: '\u00e9'.repeat(501) }, /1002 bytes/],
    [{ text: 'a\ud800b' }, /lone surrogate/],
    [{ text: 'ok.', publishedAt: 'yesterday' }, /publishedAt/],
    [{ text: 'ok.', url: 'ftp://x.example/a' }, /http or https/],
  ])('refuses %j', (input, message) => {
    expect(() => prepareIngest({ workspaceId: ws, ...input }, limits)).toThrow(message);
  });

  it('matches publishers on a normalised name', () => {
    expect(normalizePublisherName('The Guardian')).toBe(
      normalizePublisherName('  the  guardian. '),
    );
    expect(normalizePublisherName('Agência Brasil')).toBe('agencia brasil');
  });

  it('drops navigation, scripts and styles from HTML but keeps paragraphs apart', () => {
    const article = htmlToArticle(
      `<html><head><style>.x{}</style></head><body><nav>Home | World</nav><article><h1>Title</h1>` +
        `<p>First paragraph with enough words to count as an article body for the extractor to keep it.</p>` +
        `<p>Second paragraph, also long enough to be considered part of the main text by readability.</p>` +
        `</article><script>track()</script></body></html>`,
    );
    expect(article.text).toMatch(/First paragraph[^\n]*\n\nSecond paragraph/);
    expect(article.text).not.toMatch(/Home \| World|track\(\)|\.x\{\}/);
  });
});
