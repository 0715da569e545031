import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { layoutLinks, type LaidOutLink } from '../lib/layout';
import { RELATIONS } from '../lib/relations';
import type { Pair } from '../lib/model';

interface Props {
  pairs: Pair[];
  /** The element both columns and the gutter are positioned in. */
  bodyRef: RefObject<HTMLElement>;
  gutterRef: RefObject<HTMLElement>;
  activeClaimId: string | null;
  activeLinkId: string | null;
  onPick(pair: Pair): void;
}

/** Top of the first line box of each claim, relative to the body: where its link leaves. */
function anchors(body: HTMLElement, side: string) {
  const top = body.getBoundingClientRect().top;
  const out = new Map<string, number>();
  for (const el of body.querySelectorAll<HTMLElement>(`[data-side="${side}"] [data-claim]`)) {
    const r = el.getClientRects()[0];
    if (r) out.set(el.dataset.claim!, r.top - top + r.height / 2);
  }
  return out;
}

/**
 * Lines between the columns. Decorative for assistive technology (aria-hidden): the same links
 * are in each claim's accessible name and in the details panel. The SVG is absolutely placed,
 * so drawing it never moves the text.
 */
export function LinkGutter(p: Props) {
  const [lines, setLines] = useState<LaidOutLink[]>([]);
  const [size, setSize] = useState({ w: 0, h: 0 });

  useLayoutEffect(() => {
    const body = p.bodyRef.current;
    const gutter = p.gutterRef.current;
    if (!body || !gutter) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const w = gutter.clientWidth;
        if (!w) return setLines([]); // stacked layout: no gutter
        setSize({ w, h: body.scrollHeight });
        setLines(
          layoutLinks(
            p.pairs.map((x) => ({
              id: x.link.id,
              leftClaimId: x.left.id,
              rightClaimId: x.right.id,
            })),
            anchors(body, 'left'),
            anchors(body, 'right'),
            w,
          ),
        );
      });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(body);
    void document.fonts?.ready.then(measure);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [p.pairs, p.bodyRef, p.gutterRef]);

  const byId = new Map(p.pairs.map((x) => [x.link.id, x]));
  const isActive = (x: Pair) =>
    x.link.id === p.activeLinkId ||
    (p.activeLinkId == null && (x.left.id === p.activeClaimId || x.right.id === p.activeClaimId));
  const anyActive = p.activeClaimId != null || p.activeLinkId != null;
  // Active links are drawn last so they sit on top.
  const ordered = [...lines].sort(
    (a, b) => Number(isActive(byId.get(a.id)!)) - Number(isActive(byId.get(b.id)!)),
  );

  // Past this many links, per-link elements (hit area, icon) cost more than they help: the
  // lines are merged into one path per relation and status, and only the selected claim's
  // links keep their icons. The line patterns still tell the relations apart.
  const many = lines.length > MAX_DETAILED;
  const merged = new Map<string, string[]>();
  if (many)
    for (const l of ordered) {
      const pair = byId.get(l.id)!;
      if (isActive(pair)) continue;
      const key = `${pair.link.relation}|${pair.link.status}`;
      merged.set(key, [...(merged.get(key) ?? []), l.d]);
    }

  return (
    <svg class="gutter-svg" width={size.w} height={size.h} aria-hidden="true" focusable="false">
      {[...merged].map(([key, ds]) => {
        const [relation, status] = key.split('|') as [Pair['link']['relation'], string];
        const rel = RELATIONS[relation];
        return (
          <g
            key={key}
            class={`link ${rel.className} status-${status.toLowerCase()}${anyActive ? ' dim' : ''}`}
          >
            <path d={ds.join(' ')} class="line" stroke-dasharray={rel.dash || undefined} />
          </g>
        );
      })}
      {ordered.map((l) => {
        const pair = byId.get(l.id)!;
        const active = isActive(pair);
        if (many && !active) return null;
        const rel = RELATIONS[pair.link.relation];
        const cls = `link ${rel.className} status-${pair.link.status.toLowerCase()}${active ? ' active' : ''}${anyActive && !active ? ' dim' : ''}`;
        return (
          <g key={l.id} class={cls} onClick={() => p.onPick(pair)}>
            <path d={l.d} class="hit" />
            <path d={l.d} class="line" stroke-dasharray={rel.dash || undefined} />
            <circle cx={l.labelX} cy={l.labelY} r={9} class="icon-bg" />
            <text
              x={l.labelX}
              y={l.labelY}
              class="icon"
              text-anchor="middle"
              dominant-baseline="central"
            >
              {rel.icon}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const MAX_DETAILED = 250;
