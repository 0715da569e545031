-- claimtrace initial schema. Hand-written to match prisma/schema.prisma, plus what Prisma cannot
-- express: extensions, the full-text column and the GIN / trigram indexes used by search and by
-- candidate retrieval.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "LinkingStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');
CREATE TYPE "OriginalFormat" AS ENUM ('TEXT', 'HTML');

CREATE TABLE "workspace" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workspace_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "publisher" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "publisher_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "publisher_workspace_id_normalized_name_key" ON "publisher"("workspace_id", "normalized_name");

CREATE TABLE "source" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "publisher_id" UUID,
    "url" TEXT,
    "title" TEXT,
    "author" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "language" TEXT,
    "current_revision_id" UUID,
    "linking_status" "LinkingStatus" NOT NULL DEFAULT 'PENDING',
    "linking_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "source_current_revision_id_key" ON "source"("current_revision_id");
CREATE UNIQUE INDEX "source_workspace_id_url_key" ON "source"("workspace_id", "url");
CREATE INDEX "source_workspace_id_created_at_id_idx" ON "source"("workspace_id", "created_at", "id");
CREATE INDEX "source_publisher_id_idx" ON "source"("publisher_id");

CREATE TABLE "source_revision" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "original_format" "OriginalFormat" NOT NULL,
    "original_hash" TEXT NOT NULL,
    "retrieved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "source_revision_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "source_revision_source_id_number_key" ON "source_revision"("source_id", "number");
CREATE INDEX "source_revision_workspace_id_content_hash_idx" ON "source_revision"("workspace_id", "content_hash");

CREATE TABLE "claim" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "sentence_index" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "checkworthiness" DOUBLE PRECISION NOT NULL,
    "facets" JSONB NOT NULL,
    "extractor" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Not in the Prisma model (read only through raw SQL): the English full-text vector.
    "tsv" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED,
    CONSTRAINT "claim_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claim_span_check" CHECK ("start" >= 0 AND "end" >= "start")
);
CREATE UNIQUE INDEX "claim_revision_id_sentence_index_key" ON "claim"("revision_id", "sentence_index");
CREATE INDEX "claim_source_id_sentence_index_idx" ON "claim"("source_id", "sentence_index");
CREATE INDEX "claim_tsv_idx" ON "claim" USING GIN ("tsv");
CREATE INDEX "claim_text_trgm_idx" ON "claim" USING GIN ("text" gin_trgm_ops);

CREATE TABLE "audit_event" (
    "seq" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "input_hash" TEXT,
    "method" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);
CREATE INDEX "audit_event_workspace_id_seq_idx" ON "audit_event"("workspace_id", "seq");
CREATE INDEX "audit_event_workspace_id_subject_id_idx" ON "audit_event"("workspace_id", "subject_id");

ALTER TABLE "publisher" ADD CONSTRAINT "publisher_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "source" ADD CONSTRAINT "source_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "source" ADD CONSTRAINT "source_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "publisher"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "source" ADD CONSTRAINT "source_current_revision_id_fkey" FOREIGN KEY ("current_revision_id") REFERENCES "source_revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "source_revision" ADD CONSTRAINT "source_revision_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim" ADD CONSTRAINT "claim_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim" ADD CONSTRAINT "claim_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "source_revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
