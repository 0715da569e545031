-- Derived copies: a source whose statements follow another's in order (a reworded rewrite of a
-- wire report) is stored in source_dependency with kind 'DERIVED', `copy_id` the later source,
-- `similarity` the share of its check-worthy statements on the monotone chain, and the evidence
-- shown to users ("12 of 14 statements of ... follow ... in order").
ALTER TABLE "source_dependency" ADD COLUMN "evidence" TEXT;

-- Cluster maintenance reads and computes with no transaction open and writes in one short
-- transaction; this version, bumped by every write, tells a writer that someone else wrote the
-- workspace's clusters since it read them (it then reads again).
CREATE TABLE "tracking_state" (
    "workspace_id" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "tracking_state_pkey" PRIMARY KEY ("workspace_id")
);

-- Every mark of a dirty statement gets a new number, so a maintainer deletes only the marks it
-- read: a link that changes again while it computes leaves the statement dirty for the next round.
CREATE SEQUENCE "tracking_dirty_seq";
ALTER TABLE "tracking_dirty_claim" ADD COLUMN "seq" BIGINT NOT NULL DEFAULT nextval('tracking_dirty_seq');

CREATE OR REPLACE FUNCTION "claim_link_mark_dirty"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO tracking_dirty_claim (workspace_id, claim_id)
    VALUES (OLD.workspace_id, OLD.a_id), (OLD.workspace_id, OLD.b_id)
    ON CONFLICT (workspace_id, claim_id) DO UPDATE SET seq = nextval('tracking_dirty_seq');
    RETURN OLD;
  END IF;
  -- Only what changes clusters: a re-score that keeps relation and status still may cross the
  -- strength threshold, so confidence counts too.
  IF TG_OP = 'UPDATE' AND (NEW.relation, NEW.status, NEW.confidence) IS NOT DISTINCT FROM
                          (OLD.relation, OLD.status, OLD.confidence) THEN
    RETURN NEW;
  END IF;
  INSERT INTO tracking_dirty_claim (workspace_id, claim_id)
  VALUES (NEW.workspace_id, NEW.a_id), (NEW.workspace_id, NEW.b_id)
  ON CONFLICT (workspace_id, claim_id) DO UPDATE SET seq = nextval('tracking_dirty_seq');
  RETURN NEW;
END $$;
