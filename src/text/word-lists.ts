/** Builders for hand-written word lists (pure), shared by the lexicons of the text kit and extraction. */

/** Space-separated words to a Set: keeps long lists compact and easy to scan. */
export function words(list: string): Set<string> {
  return new Set(list.trim().split(/\s+/));
}

/** "key=value|key=value" to a Map (keys may contain spaces). */
export function pairs(list: string): Map<string, string> {
  return new Map(
    list.split('|').map((p): [string, string] => {
      const [k, v] = p.split('=');
      return [k.trim(), v.trim()];
    }),
  );
}
