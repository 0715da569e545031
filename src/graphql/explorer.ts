import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

const require = createRequire(import.meta.url);

/**
 * An API explorer that works offline: GraphiQL's UMD build and React are served from
 * node_modules instead of a CDN (Apollo's and Nest's default pages load from one).
 */
export function mountExplorer(app: NestExpressApplication) {
  const assets: Record<string, string> = {
    'react.js': join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
    'react-dom.js': join(
      dirname(require.resolve('react-dom/package.json')),
      'umd/react-dom.production.min.js',
    ),
    'graphiql.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
    'graphiql.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
  };
  const express = app.getHttpAdapter().getInstance() as {
    get(path: string, handler: (req: unknown, res: ExpressResponse) => void): void;
  };
  express.get('/explorer', (_req, res) => {
    res.type('html').send(EXPLORER_HTML);
  });
  express.get('/explorer/assets/:name', (req, res) => {
    const file = assets[(req as { params: { name: string } }).params.name];
    if (!file) return void res.status(404).send('not found');
    res.sendFile(file, { maxAge: '1d' });
  });
}

interface ExpressResponse {
  type(t: string): ExpressResponse;
  status(code: number): ExpressResponse;
  send(body: string): void;
  sendFile(path: string, options: { maxAge: string }): void;
}

const EXPLORER_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>claimtrace API explorer</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
  <style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="explorer">Loading the explorer…</div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script>
    const key = localStorage.getItem('claimtrace-api-key');
    const fetcher = GraphiQL.createFetcher({
      url: '/graphql',
      headers: key ? { Authorization: 'Bearer ' + key } : {},
    });
    ReactDOM.createRoot(document.getElementById('explorer')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: '# claimtrace: try\\n{ workspaces { id name sources(first: 5) { totalCount edges { node { id title } } } } }\\n',
      }),
    );
  </script>
</body>
</html>`;
