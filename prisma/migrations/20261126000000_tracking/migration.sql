-- Tracking: claim clusters (statements of one proposition across sources), near-duplicate
-- fingerprints of sources, and what makes sources dependent. Everything here is derived from
-- claims, sources and claim_link and is maintained incrementally (src/tracking/), so list and
-- coverage queries read precomputed rows instead of re-clustering a workspace per request.

CREATE TABLE "claim_cluster" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "representative_id" UUID NOT NULL,
    "earliest_claim_id" UUID NOT NULL,
    "member_count" INTEGER NOT NULL,
    "support_count" INTEGER NOT NULL DEFAULT 0,
    "independent_support_count" INTEGER NOT NULL DEFAULT 0,
    "contradiction_count" INTEGER NOT NULL DEFAULT 0,
    "independent_contradiction_count" INTEGER NOT NULL DEFAULT 0,
    -- Sort keys of the three list orders, kept beside the counts so each order is one index scan.
    "contestedness" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "support_rank" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "contradicted_by" UUID[] NOT NULL DEFAULT '{}',
    "dependent_groups" JSONB NOT NULL DEFAULT '[]',
    "contradiction_groups" JSONB NOT NULL DEFAULT '[]',
    "figure_timeline" JSONB NOT NULL DEFAULT '[]',
    "framing_terms" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_cluster_pkey" PRIMARY KEY ("id")
);
-- Keyset pages walk these: ORDER BY key DESC, id DESC with a row comparison on (key, id).
CREATE INDEX "claim_cluster_contested_idx" ON "claim_cluster"("workspace_id", "contestedness" DESC, "id" DESC);
CREATE INDEX "claim_cluster_support_idx" ON "claim_cluster"("workspace_id", "support_rank" DESC, "id" DESC);
CREATE INDEX "claim_cluster_recency_idx" ON "claim_cluster"("workspace_id", "last_seen_at" DESC, "id" DESC);
ALTER TABLE "claim_cluster" ADD CONSTRAINT "claim_cluster_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A statement belongs to at most one cluster. Source, publisher and date are copied in so the
-- coverage matrix never joins back to source.
CREATE TABLE "cluster_member" (
    "claim_id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "publisher_id" UUID,
    -- ASSERTS (own voice) or REPORTS (attributed, hedged, questioned).
    "stance" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "cluster_member_pkey" PRIMARY KEY ("claim_id"),
    CONSTRAINT "cluster_member_stance_check" CHECK ("stance" IN ('ASSERTS', 'REPORTS'))
);
CREATE INDEX "cluster_member_cluster_id_idx" ON "cluster_member"("cluster_id");
CREATE INDEX "cluster_member_source_id_idx" ON "cluster_member"("source_id");
ALTER TABLE "cluster_member" ADD CONSTRAINT "cluster_member_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "claim_cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cluster_member" ADD CONSTRAINT "cluster_member_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- MinHash signature of a source's current text (word 4-shingles), and its LSH bands: sources
-- sharing a band are near-duplicate candidates, found by index instead of comparing all pairs.
CREATE TABLE "source_fingerprint" (
    "source_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "signature" INTEGER[] NOT NULL,
    "shingles" INTEGER NOT NULL,
    CONSTRAINT "source_fingerprint_pkey" PRIMARY KEY ("source_id")
);
ALTER TABLE "source_fingerprint" ADD CONSTRAINT "source_fingerprint_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "source_fingerprint_band" (
    "workspace_id" UUID NOT NULL,
    "band" SMALLINT NOT NULL,
    "hash" INTEGER NOT NULL,
    "source_id" UUID NOT NULL,
    CONSTRAINT "source_fingerprint_band_pkey" PRIMARY KEY ("workspace_id", "band", "hash", "source_id")
);
CREATE INDEX "source_fingerprint_band_source_id_idx" ON "source_fingerprint_band"("source_id");
ALTER TABLE "source_fingerprint_band" ADD CONSTRAINT "source_fingerprint_band_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Near-duplicate pairs (a_source_id < b_source_id). `copy_id` is the later of the two: the copy.
CREATE TABLE "source_dependency" (
    "workspace_id" UUID NOT NULL,
    "a_source_id" UUID NOT NULL,
    "b_source_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,
    "copy_id" UUID NOT NULL,
    CONSTRAINT "source_dependency_pkey" PRIMARY KEY ("a_source_id", "b_source_id", "kind"),
    CONSTRAINT "source_dependency_order_check" CHECK ("a_source_id" < "b_source_id")
);
CREATE INDEX "source_dependency_b_source_id_idx" ON "source_dependency"("b_source_id");
ALTER TABLE "source_dependency" ADD CONSTRAINT "source_dependency_a_source_id_fkey" FOREIGN KEY ("a_source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "source_dependency" ADD CONSTRAINT "source_dependency_b_source_id_fkey" FOREIGN KEY ("b_source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Statements whose links changed since clusters were last maintained. A trigger fills it, so
-- every path that changes a link (linking jobs, reviews, re-anchoring, hand-made links) is seen
-- without that code knowing about tracking; maintenance drains it per workspace.
CREATE TABLE "tracking_dirty_claim" (
    "workspace_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    CONSTRAINT "tracking_dirty_claim_pkey" PRIMARY KEY ("workspace_id", "claim_id")
);

CREATE FUNCTION "claim_link_mark_dirty"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO tracking_dirty_claim (workspace_id, claim_id)
    VALUES (OLD.workspace_id, OLD.a_id), (OLD.workspace_id, OLD.b_id) ON CONFLICT DO NOTHING;
    RETURN OLD;
  END IF;
  -- Only what changes clusters: a re-score that keeps relation and status still may cross the
  -- strength threshold, so confidence counts too.
  IF TG_OP = 'UPDATE' AND (NEW.relation, NEW.status, NEW.confidence) IS NOT DISTINCT FROM
                          (OLD.relation, OLD.status, OLD.confidence) THEN
    RETURN NEW;
  END IF;
  INSERT INTO tracking_dirty_claim (workspace_id, claim_id)
  VALUES (NEW.workspace_id, NEW.a_id), (NEW.workspace_id, NEW.b_id) ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;

CREATE TRIGGER "claim_link_mark_dirty" AFTER INSERT OR UPDATE OR DELETE ON "claim_link"
  FOR EACH ROW EXECUTE FUNCTION "claim_link_mark_dirty"();
