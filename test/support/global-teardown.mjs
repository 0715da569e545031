export default async function globalTeardown() {
  const server = globalThis.__claimtraceTestPg;
  if (server) await server.stop();
}
