-- Linking: typed links between statements of different sources, and the facet keys that let
-- candidate retrieval find statements sharing a date, a counted thing or an event by index.

CREATE TYPE "LinkRelation" AS ENUM ('CORROBORATES', 'CONTRADICTS', 'DISCUSSES');
CREATE TYPE "LinkStatus" AS ENUM ('SUGGESTED', 'CONFIRMED', 'REJECTED');
CREATE TYPE "LinkOrigin" AS ENUM ('MACHINE', 'HUMAN');

ALTER TABLE "claim" ADD COLUMN "facet_keys" TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX "claim_facet_keys_idx" ON "claim" USING GIN ("facet_keys");

-- One row per unordered pair of statements (a_id < b_id): the relation is symmetric, so a pair
-- is never linked twice whichever side is linked first.
CREATE TABLE "claim_link" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "a_id" UUID NOT NULL,
    "b_id" UUID NOT NULL,
    "a_source_id" UUID NOT NULL,
    "b_source_id" UUID NOT NULL,
    "relation" "LinkRelation" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    -- Signals as seen from a's side (left = a's words); readers flip them for b.
    "signals" JSONB NOT NULL DEFAULT '[]',
    "method" TEXT NOT NULL,
    "origin" "LinkOrigin" NOT NULL DEFAULT 'MACHINE',
    "status" "LinkStatus" NOT NULL DEFAULT 'SUGGESTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_link_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claim_link_order_check" CHECK ("a_id" < "b_id"),
    CONSTRAINT "claim_link_sources_check" CHECK ("a_source_id" <> "b_source_id"),
    CONSTRAINT "claim_link_confidence_check" CHECK ("confidence" >= 0 AND "confidence" <= 1)
);
CREATE UNIQUE INDEX "claim_link_a_id_b_id_key" ON "claim_link"("a_id", "b_id");
CREATE INDEX "claim_link_b_id_idx" ON "claim_link"("b_id");
CREATE INDEX "claim_link_sources_idx" ON "claim_link"("a_source_id", "b_source_id");
CREATE INDEX "claim_link_b_sources_idx" ON "claim_link"("b_source_id", "a_source_id");
CREATE INDEX "claim_link_workspace_id_idx" ON "claim_link"("workspace_id", "created_at");

ALTER TABLE "claim_link" ADD CONSTRAINT "claim_link_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_link" ADD CONSTRAINT "claim_link_b_id_fkey" FOREIGN KEY ("b_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_link" ADD CONSTRAINT "claim_link_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
