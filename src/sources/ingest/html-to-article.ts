/**
 * HTML -> the article's main text (pure). Readability finds the article and drops navigation,
 * scripts, styles and boilerplate; html-to-text turns the article HTML into plain text with
 * paragraph breaks, which sentence segmentation relies on. Claim spans index into this text,
 * which is what `Source.text` returns.
 */
import { Readability } from '@mozilla/readability';
import { convert } from 'html-to-text';
import { parseHTML } from 'linkedom';

export interface Article {
  text: string;
  title: string | null;
  byline: string | null;
  language: string | null;
}

const TEXT_OPTIONS = {
  wordwrap: false as const,
  preserveNewlines: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'nav', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'ul', options: { itemPrefix: ' - ' } },
  ],
};

/** Collapses the whitespace html-to-text leaves: trailing spaces, runs of blank lines. */
function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** linkedom builds no document element for a fragment ("<p>hi</p>"); give it one. */
function asDocument(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
}

export function htmlToArticle(html: string): Article {
  const { document } = parseHTML(asDocument(html));
  const lang = document.documentElement?.getAttribute?.('lang') ?? null;
  // Readability mutates the document; it is ours to throw away.
  const parsed = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    { charThreshold: 100 },
  ).parse();
  let text = parsed?.content ? tidy(convert(parsed.content, TEXT_OPTIONS)) : '';
  if (!text) {
    // Short pages fall below Readability's threshold: fall back to the whole body, minus chrome.
    const fallback = parseHTML(asDocument(html)).document;
    for (const el of fallback.querySelectorAll(
      'script,style,noscript,nav,header,footer,aside,form,iframe,template',
    )) {
      el.remove();
    }
    text = tidy(convert(fallback.body?.innerHTML ?? '', TEXT_OPTIONS));
  }
  return {
    text,
    title: parsed?.title?.trim() || null,
    byline: parsed?.byline?.trim() || null,
    language: parsed?.lang?.trim() || lang,
  };
}
