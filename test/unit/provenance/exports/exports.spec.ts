import { attributionChain } from '../../../../src/provenance/attribution.js';
import { claimReviewDocument } from '../../../../src/provenance/exports/claim-review.js';
import { claimCsvRecord } from '../../../../src/provenance/exports/csv-records.js';
import { CLAIM_COLUMNS } from '../../../../src/provenance/exports/csv-columns.js';
import { provDocument } from '../../../../src/provenance/exports/prov-o.js';
import { annotationDocument } from '../../../../src/provenance/exports/web-annotation.js';
import type { ClaimContext, ClaimLinkRecord } from '../../../../src/provenance/provenance.types.js';

const TEXT = 'DORVIK, 20 September. Ministry spokesperson Irena Valk said 😀 two civilians died.';
const cp = (s: string) => [...s];
const START = cp('DORVIK, 20 September. ').length;
const CLAIM = 'Ministry spokesperson Irena Valk said 😀 two civilians died.';

const context = (overrides: Partial<ClaimContext> = {}): ClaimContext => ({
  claim: {
    id: 'c1',
    workspaceId: 'w1',
    text: CLAIM,
    start: START,
    end: START + cp(CLAIM).length,
    prefix: 'DORVIK, 20 September. ',
    suffix: '',
    sentenceIndex: 1,
    checkworthiness: 0.8,
    extractor: 'claimtrace-extract@1.0.0',
    facets: {
      dates: [],
      durations: [],
      quantities: [],
      actors: [],
      negations: [],
      attribution: { speaker: 'Ministry spokesperson Irena Valk', cue: 'said' },
      hedges: [],
      question: false,
    },
    createdAt: new Date('2031-09-20T15:00:00.000Z'),
  },
  source: {
    id: 's1',
    url: 'https://kestria-today.example/a',
    title: 'Title',
    author: null,
    publishedAt: new Date('2031-09-20T14:30:00.000Z'),
  },
  publisher: { id: 'p1', name: 'Kestria Today' },
  revision: {
    id: 'r1',
    number: 2,
    contentHash: 'ab'.repeat(32),
    originalHash: 'cd'.repeat(32),
    originalFormat: 'TEXT',
    retrievedAt: new Date('2031-09-20T14:59:00.000Z'),
  },
  review: null,
  ...overrides,
});

const link: ClaimLinkRecord = {
  id: 'l1',
  evidenceId: 'c2',
  relation: 'CONTRADICTS',
  confidence: 0.9,
  method: 'relation-lr@3',
  origin: 'MACHINE',
  status: 'CONFIRMED',
  createdAt: new Date('2031-09-20T15:01:00.000Z'),
  reviewedBy: 'user:ana',
  reviewedAt: new Date('2031-09-21T09:00:00.000Z'),
  reviewNote: 'figures differ',
};

describe('attributionChain', () => {
  it('separates what the outlet asserts from what it relays', () => {
    expect(
      attributionChain('Kestria Today', { speaker: 'the ministry', cue: 'said' }, 'X.'),
    ).toEqual({
      voice: 'RELAYED',
      steps: [
        { role: 'PUBLISHER', name: 'Kestria Today', cue: 'reports' },
        { role: 'SPEAKER', name: 'the ministry', cue: 'said' },
      ],
      summary: 'Kestria Today reports: the ministry (said) "X."',
    });
    expect(attributionChain('ASNA', null, 'Y.')).toEqual({
      voice: 'ASSERTED',
      steps: [{ role: 'PUBLISHER', name: 'ASNA', cue: 'asserts' }],
      summary: 'ASNA asserts: "Y."',
    });
  });
});

describe('PROV-O export', () => {
  const doc = JSON.parse(JSON.stringify(provDocument(context(), [link])));
  const node = (id: string) => doc['@graph'].find((n: any) => n['@id'] === id);
  const types = (t: string) => doc['@graph'].filter((n: any) => [n['@type']].flat().includes(t));

  it('declares the PROV namespace and types every node', () => {
    expect(doc['@context'].prov).toBe('http://www.w3.org/ns/prov#');
    for (const n of doc['@graph']) expect(n['@type']).toBeTruthy();
  });

  it('has the revision and claim entities with the claim derived from the revision', () => {
    const claim = node('urn:claimtrace:claim:c1');
    expect(claim['@type']).toBe('prov:Entity');
    expect(claim['prov:value']).toBe(CLAIM);
    expect(claim['prov:wasDerivedFrom']).toEqual({ '@id': 'urn:claimtrace:revision:r1' });
    const revision = node('urn:claimtrace:revision:r1');
    expect(revision['ct:contentHash']).toBe(`sha256:${'ab'.repeat(32)}`);
    expect(revision['prov:atLocation']).toBe('https://kestria-today.example/a');
  });

  it('has retrieval, extraction, linking and review activities', () => {
    expect(
      types('prov:Activity')
        .map((a: any) => a['rdfs:label'])
        .sort(),
    ).toEqual(['extraction', 'linking', 'retrieval', 'review: CONFIRMED']);
    const review = types('prov:Activity').find((a: any) => a['rdfs:label'] === 'review: CONFIRMED');
    expect(review['prov:wasAssociatedWith']).toEqual({ '@id': 'urn:claimtrace:agent:user%3Aana' });
    expect(review['prov:endedAtTime']).toEqual({
      '@value': '2031-09-21T09:00:00.000Z',
      '@type': 'xsd:dateTime',
    });
  });

  it('has publisher, speaker, software and reviewer agents, the publisher as reporter', () => {
    expect(
      types('prov:Agent')
        .map((a: any) => a['rdfs:label'])
        .sort(),
    ).toEqual([
      'Kestria Today',
      'Ministry spokesperson Irena Valk',
      'claimtrace-extract',
      'relation-lr',
      'user:ana',
    ]);
    const roles = node('urn:claimtrace:claim:c1')['prov:qualifiedAttribution'].map((q: any) => [
      q['prov:agent']['@id'],
      q['prov:hadRole']['@id'],
    ]);
    expect(roles).toEqual([
      ['urn:claimtrace:publisher:p1', 'ct:reporter'],
      ['urn:claimtrace:speaker:c1', 'ct:speaker'],
    ]);
  });
});

describe('Web Annotation export', () => {
  it('has selectors that slice back to the claim in code points', () => {
    const doc = JSON.parse(JSON.stringify(annotationDocument(context())));
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('Annotation');
    expect(doc.target.source).toBe('urn:claimtrace:revision:r1');
    const [quote, position] = doc.target.selector;
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: CLAIM,
      prefix: 'DORVIK, 20 September. ',
      suffix: '',
    });
    expect(position.type).toBe('TextPositionSelector');
    expect(cp(TEXT).slice(position.start, position.end).join('')).toBe(quote.exact);
    expect(
      cp(TEXT)
        .slice(position.start - cp(quote.prefix).length, position.start)
        .join(''),
    ).toBe(quote.prefix);
  });
});

describe('ClaimReview export', () => {
  it('is null without a verdict and a schema.org ClaimReview with one', () => {
    expect(claimReviewDocument(context())).toBeNull();
    const doc = claimReviewDocument(
      context({
        review: {
          claimId: 'c1',
          workspaceId: 'w1',
          kind: 'FACT',
          verdict: 'MOSTLY_FALSE',
          note: 'the NGO counted two',
          reviewer: 'user:ana',
          reviewedAt: new Date('2031-09-22T10:00:00.000Z'),
        },
      }),
    )!;
    expect(JSON.parse(JSON.stringify(doc))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      '@id': 'urn:claimtrace:claim-review:c1',
      claimReviewed: CLAIM,
      datePublished: '2031-09-22T10:00:00.000Z',
      author: { '@type': 'Person', name: 'user:ana' },
      reviewBody: 'the NGO counted two',
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'Mostly false',
        ratingValue: 2,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'Kestria Today' },
        datePublished: '2031-09-20T14:30:00.000Z',
        appearance: {
          '@type': 'CreativeWork',
          url: 'https://kestria-today.example/a',
          headline: 'Title',
        },
      },
    });
  });
});

describe('claims CSV record', () => {
  it('fills every documented column, in strings', () => {
    const record = claimCsvRecord({
      claim_id: 'c1',
      source_id: 's1',
      source_url: null,
      source_title: 'T',
      publisher: 'P',
      published_at: new Date('2031-09-20T14:30:00.000Z'),
      revision_id: 'r1',
      revision_number: 1,
      is_current: false,
      content_hash: 'h',
      sentence_index: 3,
      start: 10,
      end: 20,
      text: 'He said "yes", then left.',
      checkworthiness: 0.5,
      extractor: 'x@1',
      speaker: null,
      cue: 'said',
      review_kind: null,
      verdict: null,
      reviewer: null,
      reviewed_at: null,
    });
    expect(Object.keys(record)).toEqual(CLAIM_COLUMNS.map((c) => c.name));
    expect(record).toMatchObject({
      source_url: '',
      published_at: '2031-09-20T14:30:00.000Z',
      is_current: 'false',
      voice: 'RELAYED',
      checkworthiness: '0.5',
    });
  });
});
