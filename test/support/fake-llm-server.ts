/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1 for tests: answers each pair of
 * the prompt through `judge`, and can be told to fail the next requests with given statuses.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVerdict {
  relation: string;
  quote_a: string;
  quote_b: string;
  reason: string;
  confidence?: number;
}

export interface FakeLlm {
  url: string;
  /** Every request: its status and how many pairs it carried. */
  requests: { status: number; pairs: number; authorization: string | undefined; model: string }[];
  /** Statuses to answer with before answering normally (e.g. [429, 500]). */
  failNext: number[];
  close(): Promise<void>;
}

export function parsePairs(prompt: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /^Pair \d+\nA: (".*")\nB: (".*")$/gm;
  for (const m of prompt.matchAll(re)) out.push([JSON.parse(m[1]!), JSON.parse(m[2]!)]);
  return out;
}

export async function startFakeLlm(judge: (a: string, b: string) => FakeVerdict): Promise<FakeLlm> {
  const state: FakeLlm = { url: '', requests: [], failNext: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const json = JSON.parse(body) as {
        model: string;
        messages: { role: string; content: string }[];
      };
      const pairs = parsePairs(json.messages.find((m) => m.role === 'user')!.content);
      const status = state.failNext.shift() ?? 200;
      state.requests.push({
        status,
        pairs: pairs.length,
        authorization: req.headers.authorization,
        model: json.model,
      });
      if (req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      if (status !== 200) {
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(status === 429 ? { 'retry-after': '0' } : {}),
        });
        res.end(JSON.stringify({ error: { message: 'try later' } }));
        return;
      }
      const verdicts = pairs.map(([a, b], i) => ({ id: i + 1, ...judge(a, b) }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: JSON.stringify({ verdicts }) },
              finish_reason: 'stop',
            },
          ],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
