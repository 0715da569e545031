import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

export interface CurrentText {
  sourceId: string;
  workspaceId: string;
  revisionId: string;
  text: string;
}

export interface StoredFingerprint {
  sourceId: string;
  revisionId: string;
  signature: number[];
  shingles: number;
  bands: number[];
}

export interface BandMatch {
  sourceId: string;
  signature: number[];
  shingles: number;
}

/** MinHash fingerprints of sources and the SYNDICATED (near-identical text) pairs they find. */
@Injectable()
export class FingerprintRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The current text of many sources in one query (sources without a revision are left out). */
  async currentTexts(sourceIds: readonly string[]): Promise<CurrentText[]> {
    if (sourceIds.length === 0) return [];
    const rows = await this.prisma.$queryRawUnsafe<
      { source_id: string; workspace_id: string; revision_id: string; text: string }[]
    >(
      `SELECT s.id AS source_id, s.workspace_id, r.id AS revision_id, r.text
         FROM source s JOIN source_revision r ON r.id = s.current_revision_id
        WHERE s.id = ANY($1::uuid[]) ORDER BY s.id`,
      [...sourceIds],
    );
    return rows.map((r) => ({
      sourceId: r.source_id,
      workspaceId: r.workspace_id,
      revisionId: r.revision_id,
      text: r.text,
    }));
  }

  /**
   * Stores the fingerprints and bands of a batch of one workspace's sources (set-based: a few
   * statements whatever the batch size), then returns, per stored source, the other sources of
   * the workspace sharing at least one band with it, batch members included (each pair is seen
   * from both ends; the caller keeps one).
   */
  async storeFingerprints(
    tx: Tx,
    workspaceId: string,
    fs: readonly StoredFingerprint[],
  ): Promise<Map<string, BandMatch[]>> {
    const out = new Map<string, BandMatch[]>(fs.map((f) => [f.sourceId, []]));
    if (fs.length === 0) return out;
    const ids = fs.map((f) => f.sourceId);
    await tx.$executeRawUnsafe(
      `INSERT INTO source_fingerprint (source_id, workspace_id, revision_id, signature, shingles)
       SELECT u.source_id, $1::uuid, u.revision_id, ARRAY(SELECT jsonb_array_elements_text(u.sig::jsonb)::int), u.shingles
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[]) AS u(source_id, revision_id, sig, shingles)
       ON CONFLICT (source_id) DO UPDATE SET revision_id = EXCLUDED.revision_id,
         signature = EXCLUDED.signature, shingles = EXCLUDED.shingles`,
      workspaceId,
      ids,
      fs.map((f) => f.revisionId),
      fs.map((f) => JSON.stringify(f.signature)),
      fs.map((f) => f.shingles),
    );
    await tx.$executeRawUnsafe(
      `DELETE FROM source_fingerprint_band WHERE source_id = ANY($1::uuid[])`,
      ids,
    );
    const bandSource = fs.flatMap((f) => f.bands.map(() => f.sourceId));
    const bandIndex = fs.flatMap((f) => f.bands.map((_, i) => i));
    const bandHash = fs.flatMap((f) => f.bands);
    await tx.$executeRawUnsafe(
      `INSERT INTO source_fingerprint_band (workspace_id, band, hash, source_id)
       SELECT $1::uuid, u.band, u.hash, u.source_id FROM unnest($2::uuid[], $3::int[], $4::int[]) AS u(source_id, band, hash)
       ON CONFLICT DO NOTHING`,
      workspaceId,
      bandSource,
      bandIndex,
      bandHash,
    );
    const rows = await tx.$queryRawUnsafe<
      { for_id: string; source_id: string; signature: number[]; shingles: number }[]
    >(
      `SELECT m.for_id, f.source_id, f.signature, f.shingles
         FROM (SELECT DISTINCT u.source_id AS for_id, b.source_id
                 FROM unnest($2::uuid[], $3::int[], $4::int[]) AS u(source_id, band, hash)
                 JOIN source_fingerprint_band b
                   ON b.workspace_id = $1::uuid AND b.band = u.band AND b.hash = u.hash AND b.source_id <> u.source_id) m
         JOIN source_fingerprint f ON f.source_id = m.source_id
        ORDER BY m.for_id, f.source_id`,
      workspaceId,
      bandSource,
      bandIndex,
      bandHash,
    );
    for (const r of rows)
      out.get(r.for_id)!.push({
        sourceId: r.source_id,
        signature: r.signature,
        shingles: Number(r.shingles),
      });
    return out;
  }

  /**
   * Makes the SYNDICATED pairs touching `sourceIds` exactly `pairs` (each pair once, either
   * order); returns every source whose pairs changed.
   */
  async replaceSyndicationOf(
    tx: Tx,
    workspaceId: string,
    sourceIds: readonly string[],
    pairs: readonly { aId: string; bId: string; similarity: number }[],
  ): Promise<string[]> {
    if (sourceIds.length === 0) return [];
    const removed = await tx.$queryRawUnsafe<{ a_source_id: string; b_source_id: string }[]>(
      `DELETE FROM source_dependency
        WHERE (a_source_id = ANY($1::uuid[]) OR b_source_id = ANY($1::uuid[])) AND kind = 'SYNDICATED'
       RETURNING a_source_id, b_source_id`,
      [...sourceIds],
    );
    if (pairs.length) {
      // The copy is the later of the two (by publication, then by ingestion).
      await tx.$executeRawUnsafe(
        `INSERT INTO source_dependency (workspace_id, a_source_id, b_source_id, kind, similarity, copy_id)
         SELECT $1::uuid, LEAST(u.a, u.b), GREATEST(u.a, u.b), 'SYNDICATED', u.sim,
                (SELECT s.id FROM source s WHERE s.id IN (u.a, u.b)
                  ORDER BY COALESCE(s.published_at, s.created_at) DESC, s.created_at DESC, s.id DESC LIMIT 1)
           FROM unnest($2::uuid[], $3::uuid[], $4::float8[]) AS u(a, b, sim)`,
        workspaceId,
        pairs.map((p) => p.aId),
        pairs.map((p) => p.bId),
        pairs.map((p) => p.similarity),
      );
    }
    return [
      ...new Set([
        ...removed.flatMap((r) => [r.a_source_id, r.b_source_id]),
        ...pairs.flatMap((p) => [p.aId, p.bId]),
        ...sourceIds,
      ]),
    ];
  }
}
