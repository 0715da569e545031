import type { TestApp } from './test-app.js';

/** Polls until every source of the workspace has finished linking (DONE or FAILED). */
export async function waitForLinking(
  t: TestApp,
  workspaceId: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await t.prisma.$queryRawUnsafe<{ status: string; n: bigint }[]>(
      `SELECT linking_status::text AS status, count(*) AS n FROM source WHERE workspace_id = $1::uuid GROUP BY 1`,
      workspaceId,
    );
    const pending = rows.filter((r) => r.status === 'PENDING' || r.status === 'RUNNING');
    if (pending.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `linking did not finish: ${JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}
