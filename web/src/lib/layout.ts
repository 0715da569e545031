/**
 * Geometry of the links drawn in the gutter between the two columns. Pure (numbers in, numbers
 * out) so it is tested without a browser; the component only measures where each claim starts.
 */
export interface LinkInput {
  id: string;
  leftClaimId: string;
  rightClaimId: string;
}

export interface LaidOutLink {
  id: string;
  y1: number;
  y2: number;
  /** SVG path: a cubic curve leaving both columns horizontally. */
  d: string;
  /** Where the relation icon sits, on the curve. */
  labelX: number;
  labelY: number;
}

const TRIES = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9];

/** Point of the curve (0,y1) C (w/2,y1) (w/2,y2) (w,y2) at parameter t. */
export function pointAt(w: number, y1: number, y2: number, t: number): [number, number] {
  const u = 1 - t;
  const x = 3 * u * u * t * (w / 2) + 3 * u * t * t * (w / 2) + t * t * t * w;
  const y = u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2;
  return [x, y];
}

/**
 * Links whose claims are not both on the page (filtered out, still loading) are skipped.
 * Icons that would overlap (labelSize square) slide along their own curve to the first free
 * place, so each link's icon stays readable and on its line.
 */
export function layoutLinks(
  links: readonly LinkInput[],
  leftY: ReadonlyMap<string, number>,
  rightY: ReadonlyMap<string, number>,
  width: number,
  labelSize = 18,
): LaidOutLink[] {
  const drawn = links
    .filter((l) => leftY.has(l.leftClaimId) && rightY.has(l.rightClaimId))
    .map((l) => ({ id: l.id, y1: leftY.get(l.leftClaimId)!, y2: rightY.get(l.rightClaimId)! }))
    .sort((a, b) => a.y1 + a.y2 - (b.y1 + b.y2) || a.id.localeCompare(b.id));
  // Placed icons in a grid of labelSize cells: a collision check looks at 9 cells, so laying out
  // thousands of links stays linear.
  const grid = new Map<string, [number, number][]>();
  const cell = (x: number, y: number) => [Math.floor(x / labelSize), Math.floor(y / labelSize)];
  const collides = (x: number, y: number) => {
    const [cx, cy] = cell(x, y);
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++)
        for (const [px, py] of grid.get(`${cx + i},${cy + j}`) ?? [])
          if (Math.abs(px - x) < labelSize && Math.abs(py - y) < labelSize) return true;
    return false;
  };
  const place = (p: [number, number]) => {
    const key = cell(p[0], p[1]).join(',');
    grid.set(key, [...(grid.get(key) ?? []), p]);
  };
  return drawn.map(({ id, y1, y2 }) => {
    let label = pointAt(width, y1, y2, 0.5);
    for (const t of TRIES) {
      const p = pointAt(width, y1, y2, t);
      if (!collides(p[0], p[1])) {
        label = p;
        break;
      }
    }
    place(label);
    const m = width / 2;
    return {
      id,
      y1,
      y2,
      d: `M0 ${y1} C${m} ${y1} ${m} ${y2} ${width} ${y2}`,
      labelX: label[0],
      labelY: label[1],
    };
  });
}
