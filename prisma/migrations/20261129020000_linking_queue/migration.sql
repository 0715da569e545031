-- The linking queue is the source row itself (pg-boss removed: it needs Node 22 and serves
-- workspaces first-in-first-out). A worker claims a batch of one workspace's PENDING sources
-- with FOR UPDATE SKIP LOCKED and holds a lease it renews while it works; a killed worker's
-- batch is claimed again once the lease lapses.
ALTER TABLE "source"
  ADD COLUMN "linking_claimed_by" TEXT,
  -- RUNNING: the lease's end. PENDING after a failed attempt: not retried before this time.
  ADD COLUMN "linking_lease_until" TIMESTAMPTZ(3),
  ADD COLUMN "linking_attempts" INTEGER NOT NULL DEFAULT 0,
  -- The revision the attempts count for: a newer revision starts counting again.
  ADD COLUMN "linking_revision_id" UUID,
  ADD COLUMN "linked_at" TIMESTAMPTZ(3);

-- Only unfinished sources are in it, so finding work stays a tiny index scan however large the
-- workspaces grow.
CREATE INDEX "source_linking_queue_idx" ON "source"("workspace_id", "created_at")
  WHERE "linking_status" IN ('PENDING', 'RUNNING');
-- Progress (sources per second over the last minute) per workspace.
CREATE INDEX "source_workspace_id_linked_at_idx" ON "source"("workspace_id", "linked_at")
  WHERE "linked_at" IS NOT NULL;

-- Fairness: the workspace served least recently goes first.
ALTER TABLE "workspace" ADD COLUMN "linking_served_at" TIMESTAMPTZ(3);

DROP SCHEMA IF EXISTS "pgboss" CASCADE;
