-- Which sources' linking runs found each machine link. Candidate search is not symmetric (a
-- pair found from one side may not be proposed from the other), so a run may only withdraw its
-- own finding; the link goes when no run finds it any more. Empty for links made before this
-- column: any run may withdraw those.
ALTER TABLE "claim_link" ADD COLUMN "found_from" UUID[] NOT NULL DEFAULT '{}';
