import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PROJECT_ROOT } from '../config/env.js';

/**
 * Serves the comparison page (web/, built by `npm run build` there into web/dist) at /compare.
 * The page is a plain client of /graphql; this only hands out files. Vite puts a content hash in
 * every asset name, so assets are cached for a year and index.html is revalidated on each load,
 * which makes a rebuilt page show up at once without stale mixes.
 */
export function mountComparePage(
  app: NestExpressApplication,
  distDir = join(PROJECT_ROOT, 'web', 'dist'),
) {
  const express = app.getHttpAdapter().getInstance() as {
    get(path: string, handler: (req: ExpressRequest, res: ExpressResponse) => void): void;
  };
  const index = join(distDir, 'index.html');
  const page = (_req: ExpressRequest, res: ExpressResponse) => {
    securityHeaders(res);
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text')
        .send('The comparison page is not built: run `npm ci && npm run build` in web/.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, {}, (err) => err && !res.headersSent && res.status(500).send('error'));
  };
  express.get('/', (_req, res) => res.redirect(302, '/compare'));
  express.get('/compare', page);
  express.get('/compare/assets/:name', (req, res) => {
    const name = req.params.name;
    // Only plain file names: no path traversal, no dotfiles.
    if (!/^[\w-]+(\.[\w-]+)*\.(js|css|map|svg|woff2?)$/.test(name)) {
      res.status(404).type('text').send('not found');
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(join(distDir, 'assets', name), { maxAge: '365d', immutable: true }, (err) => {
      if (err && !res.headersSent) res.status(404).type('text').send('not found');
    });
  });
}

function securityHeaders(res: ExpressResponse) {
  // Everything the page loads comes from this origin; nothing from a CDN.
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
}

interface ExpressRequest {
  params: Record<string, string>;
}
interface ExpressResponse {
  headersSent: boolean;
  setHeader(name: string, value: string): void;
  type(t: string): ExpressResponse;
  status(code: number): ExpressResponse;
  send(body: string): void;
  redirect(status: number, url: string): void;
  sendFile(
    path: string,
    options: { maxAge?: string; immutable?: boolean },
    done: (err?: Error) => void,
  ): void;
}
