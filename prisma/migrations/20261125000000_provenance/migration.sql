-- Provenance: the review state of links, reviewers' marks on claims, and a complete, ordered
-- history of every link.

-- Who last reviewed a link, when and why; and whether a change in a source asks for a new look.
ALTER TABLE "claim_link" ADD COLUMN "reviewed_by" TEXT;
ALTER TABLE "claim_link" ADD COLUMN "reviewed_at" TIMESTAMPTZ(3);
ALTER TABLE "claim_link" ADD COLUMN "review_note" TEXT;
ALTER TABLE "claim_link" ADD COLUMN "needs_review" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "claim_link" ADD COLUMN "review_reason" TEXT;
CREATE INDEX "claim_link_needs_review_idx" ON "claim_link"("workspace_id") WHERE "needs_review";

CREATE TYPE "ClaimKind" AS ENUM ('FACT', 'FRAMING', 'NOT_CHECKWORTHY');
CREATE TYPE "ClaimVerdict" AS ENUM ('TRUE', 'MOSTLY_TRUE', 'MIXED', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE');

-- The current reviewer mark of a claim; earlier marks stay in the audit log ('claim.marked').
CREATE TABLE "claim_review" (
    "claim_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "verdict" "ClaimVerdict",
    "note" TEXT,
    "reviewer" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_review_pkey" PRIMARY KEY ("claim_id"),
    CONSTRAINT "claim_review_verdict_check" CHECK ("verdict" IS NULL OR "kind" = 'FACT')
);
CREATE INDEX "claim_review_workspace_id_idx" ON "claim_review"("workspace_id");
ALTER TABLE "claim_review" ADD CONSTRAINT "claim_review_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per change of a link, written by a trigger in the transaction that changed it, so the
-- history is complete whatever code path (linking, review, re-anchoring) made the change. No
-- foreign key: the history of a removed link outlives it.
CREATE TABLE "link_event" (
    "seq" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "link_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "method" TEXT,
    "relation" "LinkRelation",
    "confidence" DOUBLE PRECISION,
    "status" "LinkStatus",
    "note" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "link_event_pkey" PRIMARY KEY ("seq")
);
CREATE INDEX "link_event_link_id_seq_idx" ON "link_event"("link_id", "seq");

-- The reviewing code names its action and actor in transaction-local settings
-- (claimtrace.action / .actor / .note); without them a change is the machine's: an insert is
-- CREATED, an update RESCORED, a delete REMOVED, and the actor is the link's method.
CREATE FUNCTION "claim_link_history"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_action TEXT := NULLIF(current_setting('claimtrace.action', true), '');
  v_actor TEXT := NULLIF(current_setting('claimtrace.actor', true), '');
  v_note TEXT := NULLIF(current_setting('claimtrace.note', true), '');
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO link_event (workspace_id, link_id, action, actor, method, relation, confidence, status, details)
    VALUES (OLD.workspace_id, OLD.id, COALESCE(v_action, 'REMOVED'), COALESCE(v_actor, OLD.method), OLD.method,
            OLD.relation, OLD.confidence, OLD.status, jsonb_build_object('aId', OLD.a_id, 'bId', OLD.b_id));
    RETURN OLD;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO link_event (workspace_id, link_id, action, actor, method, relation, confidence, status, note, details)
    VALUES (NEW.workspace_id, NEW.id, COALESCE(v_action, 'CREATED'), COALESCE(v_actor, NEW.method), NEW.method,
            NEW.relation, NEW.confidence, NEW.status, COALESCE(v_note, NEW.review_note),
            jsonb_build_object('origin', NEW.origin, 'aId', NEW.a_id, 'bId', NEW.b_id));
    RETURN NEW;
  END IF;
  IF (NEW.relation, NEW.confidence, NEW.method, NEW.status, NEW.needs_review, NEW.reviewed_at)
     IS NOT DISTINCT FROM (OLD.relation, OLD.confidence, OLD.method, OLD.status, OLD.needs_review, OLD.reviewed_at) THEN
    RETURN NEW;
  END IF;
  INSERT INTO link_event (workspace_id, link_id, action, actor, method, relation, confidence, status, note, details)
  VALUES (NEW.workspace_id, NEW.id,
          COALESCE(v_action, CASE WHEN NEW.needs_review AND NOT OLD.needs_review THEN 'FLAGGED' ELSE 'RESCORED' END),
          COALESCE(v_actor, NEW.method), NEW.method, NEW.relation, NEW.confidence, NEW.status,
          COALESCE(v_note, CASE WHEN NEW.needs_review AND NOT OLD.needs_review THEN NEW.review_reason END),
          jsonb_build_object('before', jsonb_build_object('relation', OLD.relation, 'confidence', OLD.confidence,
                                                          'method', OLD.method, 'status', OLD.status)));
  RETURN NEW;
END $$;

CREATE TRIGGER "claim_link_history" AFTER INSERT OR UPDATE OR DELETE ON "claim_link"
  FOR EACH ROW EXECUTE FUNCTION "claim_link_history"();

-- Links made before this migration start their history with their creation.
INSERT INTO link_event (workspace_id, link_id, action, actor, method, relation, confidence, status, details, created_at)
SELECT workspace_id, id, 'CREATED', method, method, relation, confidence, status,
       jsonb_build_object('origin', origin, 'aId', a_id, 'bId', b_id, 'backfilled', true), created_at
  FROM claim_link ORDER BY created_at, id;
