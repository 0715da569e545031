/**
 * Publisher names are matched on a normalised key so "The Guardian", "the guardian" and
 * "The  Guardian." are one publisher (pure).
 */
export function normalizePublisherName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}
