import { memo } from 'preact/compat';
import type { LinkRelation } from '../api/generated';
import { highlightWords, segmentText } from '../lib/spans';
import { RELATIONS, RELATION_ORDER } from '../lib/relations';
import type { Claim, SourceView } from '../lib/model';

export interface ClaimMarks {
  /** Visible links per relation, for the badges and the accessible name. */
  counts: Partial<Record<LinkRelation, number>>;
}

interface Props {
  side: 'left' | 'right';
  source: SourceView;
  marks: ReadonlyMap<string, ClaimMarks>;
  selectedId: string | null;
  /** The claim that takes the column's one tab stop (roving tabindex). */
  focusId: string | null;
  /** Signal words to highlight inside claims of the active link. */
  words: ReadonlyMap<string, string[]>;
  onSelect(claim: Claim): void;
  onKey(e: KeyboardEvent, claim: Claim): void;
}

/**
 * The full text with every claim marked where its offsets say. Claims are buttons inside the
 * text so that screen readers read them in flow; one per column is in the tab order and the
 * arrow keys move between them.
 */
export const SourceText = memo(function SourceText(p: Props) {
  const byId = new Map(p.source.claims.map((c) => [c.id, c]));
  const segments = segmentText(p.source.text, p.source.claims);
  return (
    <div class="source-text" data-side={p.side}>
      {segments.map((seg, i) => {
        if (seg.kind === 'text') return seg.text;
        const claim = byId.get(seg.id)!;
        const counts = p.marks.get(seg.id)?.counts ?? {};
        const rels = RELATION_ORDER.filter((r) => counts[r]);
        const strongest = rels[0];
        const selected = p.selectedId === seg.id;
        const words = p.words.get(seg.id);
        const described = rels.map((r) => `${RELATIONS[r].verb} ${counts[r]}`).join(', ');
        return (
          <span
            key={seg.id + i}
            id={`claim-${seg.id}`}
            data-claim={seg.id}
            class={`claim${strongest ? ' ' + RELATIONS[strongest].className : ' unlinked'}${selected ? ' selected' : ''}`}
            role="button"
            aria-pressed={selected}
            tabIndex={p.focusId === seg.id ? 0 : -1}
            onClick={() => p.onSelect(claim)}
            onKeyDown={(e) => p.onKey(e as KeyboardEvent, claim)}
          >
            {words
              ? highlightWords(seg.text, words).map((w, j) =>
                  w.hit ? (
                    <mark key={j} class="signal-word">
                      {w.text}
                    </mark>
                  ) : (
                    w.text
                  ),
                )
              : seg.text}
            {rels.length > 0 && (
              <span class="badges" aria-hidden="true">
                {rels.map((r) => (
                  <span key={r} class={`badge ${RELATIONS[r].className}`}>
                    {RELATIONS[r].icon}
                    {counts[r]! > 1 ? counts[r] : ''}
                  </span>
                ))}
              </span>
            )}
            <span class="sr-only">
              {described ? ` (claim; ${described})` : ' (claim; no links)'}
            </span>
          </span>
        );
      })}
    </div>
  );
});
