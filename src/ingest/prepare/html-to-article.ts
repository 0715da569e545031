/**
 * HTML -> the article's main text (pure). Readability finds the article and drops navigation,
 * scripts, styles and boilerplate; html-to-text turns the article HTML into plain text with
 * paragraph breaks, which sentence segmentation relies on. Claim spans index into this text,
 * which is what `Source.text` returns.
 */
import { Readability } from '@mozilla/readability';
import { convert } from 'html-to-text';
import { parseHTML } from 'linkedom';
import { badInput } from '../../common/errors.js';

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

const MAX_READABILITY_DEPTH = 120;
/** Deeper than this is not a web page but an attack or a broken generator; the converters recurse. */
export const MAX_HTML_DEPTH = 400;

interface DomNode {
  children?: ArrayLike<DomNode>;
}

/** Deepest element nesting, walked iteratively (a recursive walk would overflow on hostile input). */
function nestingDepth(root: DomNode | null): number {
  if (!root) return 0;
  let max = 0;
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_HTML_DEPTH) return max;
    const kids = node.children;
    if (kids) for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, depth + 1]);
  }
  return max;
}

export function htmlToArticle(html: string): Article {
  const { document } = parseHTML(asDocument(html));
  const lang = document.documentElement?.getAttribute?.('lang') ?? null;
  // Readability's scoring is super-linear in nesting depth (a 1,000-deep page took a minute):
  // real articles are shallow, so hostile or broken nesting skips it and takes the fallback.
  const depth = nestingDepth(document.documentElement as unknown as DomNode);
  if (depth > MAX_HTML_DEPTH) {
    throw badInput(
      `html is nested more than ${MAX_HTML_DEPTH} elements deep; send the article's HTML or its text`,
      {
        field: 'html',
      },
    );
  }
  const parsed =
    depth > MAX_READABILITY_DEPTH
      ? null
      : // Readability mutates the document; it is ours to throw away.
        new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
          charThreshold: 100,
          maxElemsToParse: 50_000,
        }).parse();
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
