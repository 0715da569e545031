export default async function globalTeardown() {
  const server = (globalThis as { __claimtraceTestPg?: { stop(): Promise<void> } }).__claimtraceTestPg;
  if (server) await server.stop();
}
