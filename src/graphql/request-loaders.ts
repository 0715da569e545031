import type { Type } from '@nestjs/common';

/**
 * A feature's per-request DataLoaders. The feature provides one class implementing this in its
 * module (`sources/source.loaders.ts`, `claims/claim.loaders.ts`, ...); resolvers read the set
 * with `ctx.loaders.get(SourceLoaders)`. This layer knows no feature: it only keeps one set per
 * factory per request, so a list of N sources with their claims and publishers still costs a
 * constant number of queries.
 */
export interface LoaderSetFactory<T> {
  create(): T;
}

/** Finds a feature's loader factory (the app's dependency container, given by graphql-api.module). */
export type LoaderFactoryResolver = <F>(type: Type<F>) => F;

/** The loaders of one request: each feature's set is made on first use and kept for the request. */
export class RequestLoaders {
  private readonly sets = new Map<Type<LoaderSetFactory<unknown>>, unknown>();

  constructor(private readonly resolve: LoaderFactoryResolver) {}

  get<T>(factory: Type<LoaderSetFactory<T>>): T {
    let set = this.sets.get(factory) as T | undefined;
    if (set === undefined) {
      set = this.resolve(factory).create();
      this.sets.set(factory, set);
    }
    return set;
  }
}

/** Orders rows by `keys` (DataLoader's contract), null for a missing key. */
export function byKey<T, K>(
  keys: readonly K[],
  rows: readonly T[],
  keyOf: (row: T) => K,
): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** byKey on the rows' `id`. */
export function byId<T extends { id: string }>(keys: readonly string[], rows: readonly T[]) {
  return byKey(keys, rows, (r) => r.id);
}

/** Groups rows under each key (DataLoader's contract for one-to-many), [] for a missing key. */
export function groupedBy<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K) {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
