import { defineConfig } from 'vite';

// Preact through esbuild's automatic JSX runtime: no framework plugin needed (the React plugin
// does not install on these machines), and the whole page stays a few tens of KB.
export default defineConfig({
  base: '/compare/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', target: 'es2022', sourcemap: true, reportCompressedSize: true },
  server: {
    // `npm run dev` here with the API on :3000 (npm start in the root).
    proxy: { '/graphql': process.env.CLAIMTRACE_API ?? 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
