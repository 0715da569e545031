-- Answers of a relation model (local NLI or an LLM endpoint) per pair of statement texts, so a
-- relink with the same model does not pay twice. Keyed by the model's id (provider, name and
-- version or file hash) and the two texts' SHA-256 in canonical order; `raw` is the model's
-- answer before calibration or quote checks, which are re-applied on read.
CREATE TABLE "relation_model_cache" (
    "scorer_id" TEXT NOT NULL,
    "pair_key" TEXT NOT NULL,
    "raw" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "relation_model_cache_pkey" PRIMARY KEY ("scorer_id","pair_key")
);

-- Pairs sent to a paid model per workspace (scope) and model: the budget counter.
CREATE TABLE "relation_model_usage" (
    "scope" TEXT NOT NULL,
    "scorer_id" TEXT NOT NULL,
    "pairs" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "relation_model_usage_pkey" PRIMARY KEY ("scope","scorer_id")
);
