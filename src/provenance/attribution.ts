/**
 * Who vouches for a claim (pure). A sentence with an attribution cue is relayed: the outlet
 * asserts only that someone said it. The chain runs from the publisher to the quoted speaker,
 * each step with its reporting words, so a reader can tell the outlet's own voice from what it
 * passes on.
 */
import type { AttributionFacet } from '../claims/extraction/types.js';

export type ClaimVoice = 'ASSERTED' | 'RELAYED';
export type AttributionRole = 'PUBLISHER' | 'SPEAKER';

export interface AttributionStep {
  role: AttributionRole;
  /** null when the text names no one ("it was reported that ..."). */
  name: string | null;
  /** The reporting words: "reports" for the publisher of a relayed claim, "said", "according to", ... */
  cue: string;
}

export interface AttributionChain {
  voice: ClaimVoice;
  steps: AttributionStep[];
  /** One line for people: `Kestria Today reports: Irena Valk told reporters "..."`. */
  summary: string;
}

export function attributionChain(
  publisher: string | null,
  attribution: AttributionFacet | null,
  text: string,
): AttributionChain {
  const outlet = publisher ?? 'An unnamed publisher';
  if (attribution?.self) {
    // "The mission confirmed ..." in the mission's own report: it asserts, under a short name.
    return {
      voice: 'ASSERTED',
      steps: [{ role: 'PUBLISHER', name: publisher, cue: attribution.cue }],
      summary: `${outlet} asserts, as ${attribution.speaker} (${attribution.cue}): "${text}"`,
    };
  }
  if (!attribution) {
    return {
      voice: 'ASSERTED',
      steps: [{ role: 'PUBLISHER', name: publisher, cue: 'asserts' }],
      summary: `${outlet} asserts: "${text}"`,
    };
  }
  return {
    voice: 'RELAYED',
    steps: [
      { role: 'PUBLISHER', name: publisher, cue: 'reports' },
      { role: 'SPEAKER', name: attribution.speaker, cue: attribution.cue },
    ],
    summary: `${outlet} reports: ${attribution.speaker ?? 'an unnamed source'} (${attribution.cue}) "${text}"`,
  };
}
