/**
 * Histogram gradient-boosted trees with a softmax loss, written for this project: small
 * data (~100k rows, ~100 features), so a plain level-wise builder over 32 quantile bins is
 * fast enough and keeps the model file small.
 */
import type { TreeJson } from '../../src/linking/relation/model.js';
import { mulberry32 } from './random.js';

export interface GbdtOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  lambda: number;
  minHessian: number;
  rowSample: number;
  featureSample: number;
  bins: number;
  seed: number;
  /** Called every few rounds with the current scores, for monitoring. */
  onRound?: (round: number) => void;
}

export interface Dataset {
  x: Float64Array;
  y: Int32Array;
  w: Float64Array;
  n: number;
  f: number;
}

function quantileEdges(d: Dataset, feat: number, bins: number): number[] {
  const vals: number[] = [];
  const step = Math.max(1, Math.floor(d.n / 20000));
  for (let r = 0; r < d.n; r += step) vals.push(d.x[r * d.f + feat]);
  vals.sort((a, b) => a - b);
  const edges: number[] = [];
  for (let j = 1; j < bins; j++) {
    const v = vals[Math.min(vals.length - 1, Math.floor((j * vals.length) / bins))];
    if (edges.length === 0 || v > edges[edges.length - 1]) edges.push(v);
  }
  // The largest value must fall in the last bin, not beyond all edges: drop a top edge equal to max.
  if (edges.length > 0 && edges[edges.length - 1] >= vals[vals.length - 1]) edges.pop();
  return edges;
}

export function trainGbdt(
  d: Dataset,
  classes: number,
  o: GbdtOptions,
): { base: number[]; trees: TreeJson[][]; scores: Float64Array } {
  const rand = mulberry32(o.seed);
  const { n, f } = d;
  const edges: number[][] = [];
  const bins = new Uint8Array(n * f);
  for (let j = 0; j < f; j++) {
    const e = quantileEdges(d, j, o.bins);
    edges.push(e);
    for (let r = 0; r < n; r++) {
      const v = d.x[r * f + j];
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= e[mid]) hi = mid;
        else lo = mid + 1;
      }
      bins[r * f + j] = lo;
    }
  }
  // Base score: log prior of each class.
  const prior = new Array(classes).fill(1e-3);
  let wsum = 0;
  for (let r = 0; r < n; r++) {
    prior[d.y[r]] += d.w[r];
    wsum += d.w[r];
  }
  const base = prior.map((p) => Math.log(p / wsum));
  const F = new Float64Array(n * classes);
  for (let r = 0; r < n; r++) for (let c = 0; c < classes; c++) F[r * classes + c] = base[c];
  const trees: TreeJson[][] = [];
  const B = o.bins;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const P = new Float64Array(n * classes);
  const node = new Int32Array(n);
  const maxNodes = (1 << (o.depth + 1)) - 1;
  for (let round = 0; round < o.rounds; round++) {
    for (let r = 0; r < n; r++) {
      let m = -Infinity;
      for (let c = 0; c < classes; c++) m = Math.max(m, F[r * classes + c]);
      let z = 0;
      for (let c = 0; c < classes; c++) {
        const e = Math.exp(F[r * classes + c] - m);
        P[r * classes + c] = e;
        z += e;
      }
      for (let c = 0; c < classes; c++) P[r * classes + c] /= z;
    }
    const rows: number[] = [];
    for (let r = 0; r < n; r++) if (rand() < o.rowSample) rows.push(r);
    const feats: number[] = [];
    for (let j = 0; j < f; j++) if (rand() < o.featureSample) feats.push(j);
    const roundTrees: TreeJson[] = [];
    for (let c = 0; c < classes; c++) {
      for (const r of rows) {
        const p = P[r * classes + c];
        const t = d.y[r] === c ? 1 : 0;
        g[r] = (p - t) * d.w[r];
        h[r] = Math.max(p * (1 - p), 1e-6) * d.w[r];
      }
      const tree: TreeJson = { feature: [], threshold: [], left: [], right: [], value: [] };
      // Nodes are created as we go; `frontier` holds nodes of the current depth with their stats.
      const newNode = () => {
        tree.feature.push(-1);
        tree.threshold.push(0);
        tree.left.push(-1);
        tree.right.push(-1);
        tree.value.push(0);
        return tree.feature.length - 1;
      };
      const root = newNode();
      for (const r of rows) node[r] = root;
      let frontier = [root];
      const G = new Float64Array(maxNodes);
      const H = new Float64Array(maxNodes);
      for (const r of rows) {
        G[root] += g[r];
        H[root] += h[r];
      }
      for (let depth = 0; depth < o.depth && frontier.length > 0; depth++) {
        const slot = new Map<number, number>();
        frontier.forEach((nd, i) => slot.set(nd, i));
        const hg = new Float64Array(frontier.length * f * B);
        const hh = new Float64Array(frontier.length * f * B);
        for (const r of rows) {
          const s = slot.get(node[r]);
          if (s === undefined) continue;
          const gr = g[r];
          const hr = h[r];
          const rb = r * f;
          const sb = s * f * B;
          for (const j of feats) {
            const k = sb + j * B + bins[rb + j];
            hg[k] += gr;
            hh[k] += hr;
          }
        }
        const next: number[] = [];
        frontier.forEach((nd, s) => {
          const Gt = G[nd];
          const Ht = H[nd];
          const parentScore = (Gt * Gt) / (Ht + o.lambda);
          let bestGain = 1e-6;
          let bestF = -1;
          let bestB = -1;
          let bestGL = 0;
          let bestHL = 0;
          for (const j of feats) {
            let GL = 0;
            let HL = 0;
            const nb = edges[j].length;
            const off = s * f * B + j * B;
            for (let b = 0; b < nb; b++) {
              GL += hg[off + b];
              HL += hh[off + b];
              const GR = Gt - GL;
              const HR = Ht - HL;
              if (HL < o.minHessian || HR < o.minHessian) continue;
              const gain = (GL * GL) / (HL + o.lambda) + (GR * GR) / (HR + o.lambda) - parentScore;
              if (gain > bestGain) {
                bestGain = gain;
                bestF = j;
                bestB = b;
                bestGL = GL;
                bestHL = HL;
              }
            }
          }
          if (bestF < 0) return;
          const l = newNode();
          const rr = newNode();
          tree.feature[nd] = bestF;
          tree.threshold[nd] = edges[bestF][bestB];
          tree.left[nd] = l;
          tree.right[nd] = rr;
          G[l] = bestGL;
          H[l] = bestHL;
          G[rr] = Gt - bestGL;
          H[rr] = Ht - bestHL;
          next.push(l, rr);
        });
        for (const r of rows) {
          const nd = node[r];
          const fe = tree.feature[nd];
          if (fe >= 0 && slot.has(nd)) {
            node[r] =
              bins[r * f + fe] <= edgeBin(edges[fe], tree.threshold[nd])
                ? tree.left[nd]
                : tree.right[nd];
          }
        }
        frontier = next;
      }
      for (let nd = 0; nd < tree.feature.length; nd++) {
        if (tree.feature[nd] < 0) {
          // Newton step for softmax, scaled by (K-1)/K as in multi-class boosting.
          const v = (-G[nd] / (H[nd] + o.lambda)) * ((classes - 1) / classes) * o.learningRate;
          // `|| 0`: a leaf rounded to -0 is written to model.json as 0, so a retrained model
          // would not equal the committed one value for value.
          tree.value[nd] = Math.round(v * 1e5) / 1e5 || 0;
        }
      }
      roundTrees.push(tree);
    }
    // Update scores of all rows (not only the sampled ones) with the new trees.
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < classes; c++) {
        const t = roundTrees[c];
        let nd = 0;
        while (t.feature[nd] >= 0)
          nd = d.x[r * f + t.feature[nd]] <= t.threshold[nd] ? t.left[nd] : t.right[nd];
        F[r * classes + c] += t.value[nd];
      }
    }
    trees.push(roundTrees);
    o.onRound?.(round);
  }
  return { base, trees, scores: F };
}

function edgeBin(e: number[], threshold: number): number {
  return e.indexOf(threshold);
}
