import {
  DEFAULT_CHECKWORTHINESS_THRESHOLD,
  analyzeStatement,
} from '../../../../src/claims/extraction/index.js';

const ctx = { publishedAt: new Date('2023-09-21T10:00:00Z') };
const score = (s: string) => analyzeStatement(s, ctx).checkworthiness;

describe('scoreCheckworthiness', () => {
  const casualty =
    'A mine killed two civilians and four soldiers were wounded, the Defence Ministry said.';
  const dated =
    'Six Russian peacekeepers were killed by Azerbaijani troops near Khankendi on September 20, 2023.';
  const evaluation = 'These measures represented a political decision to ensure peace.';
  const slogan = 'Glory to our heroes!';
  const question = 'Is this the end of the war?';
  const byline = 'By John Smith';

  it('orders factual statements above evaluation, slogans, questions and boilerplate', () => {
    expect(score(casualty)).toBeGreaterThan(0.9);
    expect(score(dated)).toBeGreaterThan(0.9);
    expect(score(evaluation)).toBeGreaterThan(score(slogan));
    expect(score(casualty)).toBeGreaterThan(score(evaluation));
    expect(score(casualty)).toBeGreaterThan(score(question));
    expect(score(casualty)).toBeGreaterThan(score(byline));
  });

  it('puts the default threshold between checkable and uncheckable sentences', () => {
    expect(DEFAULT_CHECKWORTHINESS_THRESHOLD).toBe(0.5);
    for (const s of [
      casualty,
      dated,
      'According to Reuters, Armenian forces reportedly shelled Azerbaijani positions.',
    ])
      expect(score(s)).toBeGreaterThanOrEqual(DEFAULT_CHECKWORTHINESS_THRESHOLD);
    for (const s of [evaluation, slogan, question, byline])
      expect(score(s)).toBeLessThan(DEFAULT_CHECKWORTHINESS_THRESHOLD);
  });

  it('keeps evaluation mid-low and page furniture near zero', () => {
    expect(score(evaluation)).toBeGreaterThan(0.1);
    expect(score(evaluation)).toBeLessThan(0.4);
    expect(score(question)).toBeLessThanOrEqual(0.2);
    for (const s of [
      byline,
      'Read more: Azerbaijan launches operation',
      'Share this article',
      'Follow us on Twitter',
      '© 2023 Example News. All rights reserved.',
      'BAKU, Azerbaijan, September 20.',
      'He left.',
    ])
      expect(score(s)).toBeLessThan(0.2);
  });

  it('stays within 0..1', () => {
    for (const s of ['', '?', casualty.repeat(5), slogan.repeat(5)]) {
      const v = score(s);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});

describe('captions and credit lines', () => {
  it('"Photo: Reuters" is page furniture; a sentence that opens with "Video" is not', () => {
    expect(score('Photo: Reuters')).toBeLessThan(0.1);
    expect(score('Source: AFP')).toBeLessThan(0.1);
    expect(score('Video | 2:14')).toBeLessThan(0.1);
    expect(
      score('Video from a nearby farm shows that the strike lasted less than a minute.'),
    ).toBeGreaterThan(0.3);
  });
});
