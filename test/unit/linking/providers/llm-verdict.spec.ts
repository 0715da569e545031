import {
  backoffDelay,
  chatCompletionsUrl,
} from '../../../../src/linking/providers/llm/llm.scorer.js';
import {
  findQuote,
  llmVerdict,
  parseVerdicts,
  userPrompt,
} from '../../../../src/linking/providers/llm/llm-verdict.js';

const A = 'Two civilians were killed in the shelling of Dorvik, the ministry said.';
const B = 'Four civilians were killed in Dorvik.';

describe('reading an endpoint answer', () => {
  it('takes verdicts by id, tolerates code fences, and drops malformed ones', () => {
    const content =
      '```json\n' +
      JSON.stringify({
        verdicts: [
          { id: 2, relation: 'unrelated', quote_a: '', quote_b: '', reason: 'x' },
          {
            id: 1,
            relation: 'CONTRADICTS',
            quote_a: 'Two civilians',
            quote_b: 'Four civilians',
            reason: 'toll',
            confidence: 0.9,
          },
          { id: 3, relation: 'MAYBE', quote_a: '', quote_b: '', reason: '' },
        ],
      }) +
      '\n```';
    const out = parseVerdicts(content, 3);
    expect(out[0]).toMatchObject({
      relation: 'CONTRADICTS',
      quoteA: 'Two civilians',
      confidence: 0.9,
    });
    expect(out[1]).toMatchObject({ relation: 'UNRELATED' });
    expect(out[2]).toBeNull();
    expect(parseVerdicts('not json', 2)).toEqual([null, null]);
  });

  it('puts each pair in the prompt as JSON strings (quotes and newlines survive)', () => {
    expect(userPrompt([['say "no"\nnow', 'b']])).toBe('Pair 1\nA: "say \\"no\\"\\nnow"\nB: "b"');
  });
});

describe('the quote check', () => {
  it('finds quotes verbatim or up to case, spacing and curly quotes', () => {
    expect(findQuote(A, 'Two civilians were killed')).toBe('Two civilians were killed');
    expect(findQuote(A, 'two  CIVILIANS')).toBe('two  CIVILIANS');
    expect(findQuote('the minister’s office', "minister's office")).toBe("minister's office");
    expect(findQuote(A, 'three civilians')).toBeNull();
    expect(findQuote(A, '')).toBeNull();
  });

  it('uses a verdict only when both quotes are in their statements', () => {
    const ok = llmVerdict(
      {
        relation: 'CONTRADICTS',
        quoteA: 'Two civilians',
        quoteB: 'Four civilians',
        reason: 'toll',
        confidence: null,
      },
      [A, B],
      'm',
    );
    expect(ok).toMatchObject({
      ok: true,
      relation: 'CONTRADICTS',
      confidence: 0.8,
      signal: { kind: 'LLM_VERDICT', left: 'Two civilians', right: 'Four civilians' },
    });
    const swapped = llmVerdict(
      {
        relation: 'CONTRADICTS',
        quoteA: 'Four civilians',
        quoteB: 'Two civilians',
        reason: '',
        confidence: 0.9,
      },
      [A, B],
      'm',
    );
    expect(swapped.ok).toBe(false);
    expect(swapped.signal.detail).toContain('"Four civilians", which is not in the statement');
  });
});

describe('endpoint plumbing', () => {
  it('accepts a base URL or the full chat-completions URL', () => {
    expect(chatCompletionsUrl('http://127.0.0.1:8080/v1')).toBe(
      'http://127.0.0.1:8080/v1/chat/completions',
    );
    expect(chatCompletionsUrl('http://h/v1/')).toBe('http://h/v1/chat/completions');
    expect(chatCompletionsUrl('http://h/v1/chat/completions')).toBe('http://h/v1/chat/completions');
  });
  it('backs off exponentially with jitter, or as long as Retry-After says (capped)', () => {
    expect(backoffDelay(0, 1000, null, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, null, () => 0)).toBe(4000);
    expect(backoffDelay(3, 1000, '2', () => 0)).toBe(2000);
    expect(backoffDelay(0, 1000, '3600', () => 0)).toBe(60_000);
  });
});
