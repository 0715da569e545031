-- When the linker last linked a claim that is its source's only linkable statement (a headline,
-- a claim sent in for checking). An article linked after that time pairs its lines with such
-- claims (CandidateRepository.soleStatementsMatching): retrieval runs from the source being
-- linked, so a headline ingested before its articles would otherwise never get its own budget
-- over them. The partial index holds only these claims, so the search costs nothing in a
-- workspace without any.
ALTER TABLE "claim" ADD COLUMN "sole_linked_at" TIMESTAMPTZ(3);

-- Claims already linked: their source's last linking time (0.15 is the linkable floor,
-- MIN_LINKABLE_CHECKWORTHINESS, when this migration was written).
UPDATE "claim" c SET "sole_linked_at" = s."linked_at"
  FROM "source" s
 WHERE s."current_revision_id" = c."revision_id" AND s."linked_at" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "claim" o WHERE o."revision_id" = c."revision_id"
                     AND o."id" <> c."id" AND o."checkworthiness" >= 0.15)
   AND (c."checkworthiness" >= 0.15
        OR NOT EXISTS (SELECT 1 FROM "claim" o WHERE o."revision_id" = c."revision_id" AND o."id" <> c."id"));

CREATE INDEX "claim_sole_tsv_idx" ON "claim" USING GIN ("tsv") WHERE "sole_linked_at" IS NOT NULL;
