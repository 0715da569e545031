/**
 * Structured verdicts from an OpenAI-compatible chat-completions endpoint, several pairs per
 * request, with retries and backoff on 429/5xx/network errors and a per-workspace budget.
 */
import type { PairScorer } from '../pair-scorer.js';
import type { ModelVerdict } from '../rescore.js';
import {
  PROMPT_VERSION,
  SYSTEM_PROMPT,
  llmVerdict,
  parseVerdicts,
  userPrompt,
  type LlmRaw,
} from './llm-verdict.js';

export interface LlmOptions {
  url: string;
  model: string;
  apiKey: string | null;
  batchSize: number;
  budgetPairs: number;
  maxRetries: number;
  backoffMs: number;
  timeoutMs: number;
}

export interface Budget {
  reserve(scope: string, scorerId: string, wanted: number, budget: number): Promise<number>;
}

export interface LlmLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);
/** A Retry-After beyond this is not waited for; the batch falls back to the built-in decision. */
const MAX_RETRY_AFTER_MS = 60_000;

export function chatCompletionsUrl(url: string): string {
  return /\/chat\/completions\/?$/.test(url) ? url : `${url.replace(/\/+$/, '')}/chat/completions`;
}

/** Exponential backoff with full jitter, or the server's Retry-After when it gives one. */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  retryAfter: string | null,
  random = Math.random,
): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  return Math.round(baseMs * 2 ** attempt * (0.5 + random() / 2));
}

export class LlmScorer implements PairScorer<LlmRaw> {
  readonly provider = 'llm';
  readonly id: string;
  readonly batchSize: number;
  /** HTTP requests made, retries included (for tests and reports). */
  requests = 0;
  private readonly endpoint: string;

  constructor(
    private readonly options: LlmOptions,
    private readonly budget: Budget,
    private readonly logger: LlmLogger,
  ) {
    this.id = `llm:${options.model}@${PROMPT_VERSION}`;
    this.batchSize = options.batchSize;
    this.endpoint = chatCompletionsUrl(options.url);
  }

  reserve(scope: string, wanted: number): Promise<number> {
    return this.budget.reserve(scope, this.id, wanted, this.options.budgetPairs);
  }

  async score(pairs: ReadonlyArray<readonly [string, string]>): Promise<(LlmRaw | null)[]> {
    const content = await this.request(pairs);
    return content === null ? pairs.map(() => null) : parseVerdicts(content, pairs.length);
  }

  verdict(raw: LlmRaw, pair: readonly [string, string]): ModelVerdict {
    return llmVerdict(raw, pair, this.options.model);
  }

  private async request(pairs: ReadonlyArray<readonly [string, string]>): Promise<string | null> {
    const body = JSON.stringify({
      model: this.options.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: userPrompt(pairs) },
      ],
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.options.maxRetries; attempt++) {
      let retryAfter: string | null = null;
      try {
        this.requests++;
        const res = await fetch(this.endpoint, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        if (res.ok) {
          const json = (await res.json()) as { choices?: { message?: { content?: string } }[] };
          const content = json.choices?.[0]?.message?.content;
          if (typeof content === 'string') return content;
          lastProblem = 'a response without choices[0].message.content';
          break;
        }
        lastProblem = `HTTP ${res.status}`;
        await res.body?.cancel();
        if (!RETRYABLE.has(res.status)) break;
        retryAfter = res.headers.get('retry-after');
      } catch (error) {
        lastProblem = (error as Error).message;
      }
      if (attempt < this.options.maxRetries) {
        const delay = backoffDelay(attempt, this.options.backoffMs, retryAfter);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    this.logger.warn(
      {
        endpoint: this.endpoint,
        model: this.options.model,
        pairs: pairs.length,
        problem: lastProblem,
      },
      'relation LLM gave no answer; the built-in decisions stand for this batch',
    );
    return null;
  }
}
