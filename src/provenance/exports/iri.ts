/**
 * Identifiers of claimtrace records in exported linked data. They are URNs, not URLs: the
 * service has no public address of its own, and an export must stay meaningful offline.
 */
export const iri = {
  claim: (id: string) => `urn:claimtrace:claim:${id}`,
  revision: (id: string) => `urn:claimtrace:revision:${id}`,
  source: (id: string) => `urn:claimtrace:source:${id}`,
  link: (id: string) => `urn:claimtrace:link:${id}`,
  publisher: (id: string) => `urn:claimtrace:publisher:${id}`,
  agent: (id: string) => `urn:claimtrace:agent:${encodeURIComponent(id)}`,
  activity: (kind: string, id: string) => `urn:claimtrace:activity:${kind}:${id}`,
  speaker: (claimId: string) => `urn:claimtrace:speaker:${claimId}`,
};
