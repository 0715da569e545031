import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service.js';

/** MinHash fingerprints of sources and the SYNDICATED (near-identical text) pairs they find. */
@Injectable()
export class FingerprintRepository {
  constructor(private readonly prisma: PrismaService) {}

  async currentText(
    sourceId: string,
  ): Promise<{ workspaceId: string; revisionId: string; text: string } | null> {
    const rows = await this.prisma.$queryRawUnsafe<
      { workspace_id: string; revision_id: string; text: string }[]
    >(
      `SELECT s.workspace_id, r.id AS revision_id, r.text
         FROM source s JOIN source_revision r ON r.id = s.current_revision_id WHERE s.id = $1::uuid`,
      sourceId,
    );
    const r = rows[0];
    return r ? { workspaceId: r.workspace_id, revisionId: r.revision_id, text: r.text } : null;
  }

  /**
   * Stores a source's fingerprint and bands and returns the signatures of the other sources of
   * the workspace sharing at least one band (the near-duplicate candidates).
   */
  async storeFingerprint(
    tx: Tx,
    f: {
      workspaceId: string;
      sourceId: string;
      revisionId: string;
      signature: number[];
      shingles: number;
      bands: number[];
    },
  ): Promise<{ sourceId: string; signature: number[] }[]> {
    await tx.$executeRawUnsafe(
      `INSERT INTO source_fingerprint (source_id, workspace_id, revision_id, signature, shingles)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int[], $5)
       ON CONFLICT (source_id) DO UPDATE SET revision_id = EXCLUDED.revision_id,
         signature = EXCLUDED.signature, shingles = EXCLUDED.shingles`,
      f.sourceId,
      f.workspaceId,
      f.revisionId,
      f.signature,
      f.shingles,
    );
    await tx.$executeRawUnsafe(
      `DELETE FROM source_fingerprint_band WHERE source_id = $1::uuid`,
      f.sourceId,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO source_fingerprint_band (workspace_id, band, hash, source_id)
       SELECT $1::uuid, u.band, u.hash, $2::uuid FROM unnest($3::int[], $4::int[]) AS u(band, hash)
       ON CONFLICT DO NOTHING`,
      f.workspaceId,
      f.sourceId,
      f.bands.map((_, i) => i),
      f.bands,
    );
    const rows = await tx.$queryRawUnsafe<{ source_id: string; signature: number[] }[]>(
      `SELECT f.source_id, f.signature FROM source_fingerprint f
        WHERE f.source_id IN (
          SELECT b.source_id FROM source_fingerprint_band b
            JOIN unnest($3::int[], $4::int[]) AS u(band, hash) ON b.band = u.band AND b.hash = u.hash
           WHERE b.workspace_id = $1::uuid AND b.source_id <> $2::uuid)`,
      f.workspaceId,
      f.sourceId,
      f.bands.map((_, i) => i),
      f.bands,
    );
    return rows.map((r) => ({ sourceId: r.source_id, signature: r.signature }));
  }

  /** Makes the source's SYNDICATED pairs exactly `pairs`; returns every source whose pairs changed. */
  async replaceSyndication(
    tx: Tx,
    workspaceId: string,
    sourceId: string,
    pairs: { otherId: string; similarity: number }[],
  ): Promise<string[]> {
    const removed = await tx.$queryRawUnsafe<{ a_source_id: string; b_source_id: string }[]>(
      `DELETE FROM source_dependency WHERE (a_source_id = $1::uuid OR b_source_id = $1::uuid) AND kind = 'SYNDICATED'
       RETURNING a_source_id, b_source_id`,
      sourceId,
    );
    if (pairs.length) {
      // The copy is the later of the two (by publication, then by ingestion).
      await tx.$executeRawUnsafe(
        `INSERT INTO source_dependency (workspace_id, a_source_id, b_source_id, kind, similarity, copy_id)
         SELECT $1::uuid, LEAST($2::uuid, u.other), GREATEST($2::uuid, u.other), 'SYNDICATED', u.sim,
                (SELECT s.id FROM source s WHERE s.id IN ($2::uuid, u.other)
                  ORDER BY COALESCE(s.published_at, s.created_at) DESC, s.created_at DESC, s.id DESC LIMIT 1)
           FROM unnest($3::uuid[], $4::float8[]) AS u(other, sim)`,
        workspaceId,
        sourceId,
        pairs.map((p) => p.otherId),
        pairs.map((p) => p.similarity),
      );
    }
    return [
      ...new Set([
        ...removed.flatMap((r) => [r.a_source_id, r.b_source_id]),
        ...pairs.map((p) => p.otherId),
        sourceId,
      ]),
    ];
  }
}
