/**
 * A claim's provenance as W3C PROV-O in JSON-LD (pure). Entities: the source revision, the claim
 * and each of its links; activities: retrieval of the revision, extraction of the claim, the
 * linking run that made each machine link and each review; agents: the publisher, the quoted
 * speaker, the software (extractor, linker) and the reviewers. Roles that PROV has no term for
 * (publisher vs. speaker) are qualified attributions with a claimtrace role.
 */
import { attributionChain } from '../attribution.js';
import { splitMethod, type ClaimContext, type ClaimLinkRecord } from '../provenance.types.js';
import { iri } from './iri.js';

export const PROV_CONTEXT = {
  prov: 'http://www.w3.org/ns/prov#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  ct: 'urn:claimtrace:vocab#',
} as const;

type Node = Record<string, unknown> & { '@id': string; '@type': string | string[] };

const dateTime = (d: Date) => ({ '@value': d.toISOString(), '@type': 'xsd:dateTime' });
const ref = (id: string) => ({ '@id': id });

export function provDocument(
  ctx: ClaimContext,
  links: ClaimLinkRecord[],
): { '@context': typeof PROV_CONTEXT; '@graph': Node[] } {
  const { claim, source, publisher, revision } = ctx;
  const claimId = iri.claim(claim.id);
  const revisionId = iri.revision(revision.id);
  const retrieval = iri.activity('retrieval', revision.id);
  const extraction = iri.activity('extraction', claim.id);
  const extractor = splitMethod(claim.extractor);
  const extractorId = iri.agent(claim.extractor);
  const publisherId = publisher ? iri.publisher(publisher.id) : null;
  const chain = attributionChain(publisher?.name ?? null, claim.facets.attribution, claim.text);
  const speaker = chain.steps.find((s) => s.role === 'SPEAKER') ?? null;
  const speakerId = speaker ? iri.speaker(claim.id) : null;

  const graph: Node[] = [];
  graph.push({
    '@id': revisionId,
    '@type': 'prov:Entity',
    'rdfs:label': `${source.title ?? source.url ?? 'source'} (revision ${revision.number})`,
    'prov:atLocation': source.url ?? iri.source(source.id),
    'ct:contentHash': `sha256:${revision.contentHash}`,
    'ct:originalHash': `sha256:${revision.originalHash}`,
    'ct:originalFormat': revision.originalFormat,
    'ct:revisionNumber': revision.number,
    'prov:wasGeneratedBy': ref(retrieval),
    ...(publisherId ? { 'prov:wasAttributedTo': ref(publisherId) } : {}),
    ...(source.publishedAt ? { 'ct:publishedAt': dateTime(source.publishedAt) } : {}),
  });
  graph.push({
    '@id': retrieval,
    '@type': 'prov:Activity',
    'rdfs:label': 'retrieval',
    'prov:endedAtTime': dateTime(revision.retrievedAt),
    ...(source.url ? { 'prov:used': ref(source.url) } : {}),
  });
  graph.push({
    '@id': claimId,
    '@type': 'prov:Entity',
    'prov:value': claim.text,
    'ct:start': claim.start,
    'ct:end': claim.end,
    'ct:voice': chain.voice,
    'prov:wasDerivedFrom': ref(revisionId),
    'prov:wasGeneratedBy': ref(extraction),
    'prov:qualifiedAttribution': [
      ...(publisherId
        ? [
            {
              '@type': 'prov:Attribution',
              'prov:agent': ref(publisherId),
              'prov:hadRole': ref(chain.voice === 'ASSERTED' ? 'ct:asserter' : 'ct:reporter'),
            },
          ]
        : []),
      ...(speakerId
        ? [
            {
              '@type': 'prov:Attribution',
              'prov:agent': ref(speakerId),
              'prov:hadRole': ref('ct:speaker'),
              'ct:cue': speaker!.cue,
            },
          ]
        : []),
    ],
  });
  graph.push({
    '@id': extraction,
    '@type': 'prov:Activity',
    'rdfs:label': 'extraction',
    'prov:used': ref(revisionId),
    'prov:wasAssociatedWith': ref(extractorId),
    'prov:endedAtTime': dateTime(claim.createdAt),
  });
  graph.push({
    '@id': extractorId,
    '@type': ['prov:Agent', 'prov:SoftwareAgent'],
    'rdfs:label': extractor.name,
    ...(extractor.version ? { 'ct:version': extractor.version } : {}),
  });
  if (publisher && publisherId) {
    graph.push({
      '@id': publisherId,
      '@type': ['prov:Agent', 'prov:Organization'],
      'rdfs:label': publisher.name,
    });
  }
  if (speaker && speakerId) {
    graph.push({
      '@id': speakerId,
      '@type': 'prov:Agent',
      'rdfs:label': speaker.name ?? 'unnamed source',
    });
  }

  const agents = new Set<string>([extractorId]);
  for (const link of links) {
    const linkId = iri.link(link.id);
    const making = iri.activity('linking', link.id);
    const makerId = iri.agent(link.method);
    graph.push({
      '@id': linkId,
      '@type': 'prov:Entity',
      'ct:relation': link.relation,
      'ct:confidence': link.confidence,
      'ct:status': link.status,
      'ct:origin': link.origin,
      'ct:evidence': ref(iri.claim(link.evidenceId)),
      'prov:wasDerivedFrom': [ref(claimId), ref(iri.claim(link.evidenceId))],
      'prov:wasGeneratedBy': ref(making),
    });
    graph.push({
      '@id': making,
      '@type': 'prov:Activity',
      'rdfs:label': link.origin === 'MACHINE' ? 'linking' : 'manual linking',
      'prov:used': [ref(claimId), ref(iri.claim(link.evidenceId))],
      'prov:wasAssociatedWith': ref(makerId),
      'prov:endedAtTime': dateTime(link.createdAt),
    });
    if (!agents.has(makerId)) {
      agents.add(makerId);
      const m = splitMethod(link.method);
      graph.push({
        '@id': makerId,
        '@type':
          link.origin === 'MACHINE'
            ? ['prov:Agent', 'prov:SoftwareAgent']
            : ['prov:Agent', 'prov:Person'],
        'rdfs:label': link.origin === 'MACHINE' ? m.name : link.method,
        ...(link.origin === 'MACHINE' && m.version ? { 'ct:version': m.version } : {}),
      });
    }
    if (link.reviewedBy && link.reviewedAt) {
      const reviewerId = iri.agent(link.reviewedBy);
      graph.push({
        '@id': iri.activity('review', `${link.id}:${link.reviewedAt.getTime()}`),
        '@type': 'prov:Activity',
        'rdfs:label': `review: ${link.status}`,
        'prov:used': ref(linkId),
        'prov:wasAssociatedWith': ref(reviewerId),
        'prov:endedAtTime': dateTime(link.reviewedAt),
        ...(link.reviewNote ? { 'rdfs:comment': link.reviewNote } : {}),
      });
      if (!agents.has(reviewerId)) {
        agents.add(reviewerId);
        graph.push({
          '@id': reviewerId,
          '@type': ['prov:Agent', 'prov:Person'],
          'rdfs:label': link.reviewedBy,
        });
      }
    }
  }
  if (ctx.review) {
    const reviewerId = iri.agent(ctx.review.reviewer);
    graph.push({
      '@id': iri.activity('claim-review', claim.id),
      '@type': 'prov:Activity',
      'rdfs:label': `review: ${ctx.review.kind}${ctx.review.verdict ? ` ${ctx.review.verdict}` : ''}`,
      'prov:used': ref(claimId),
      'prov:wasAssociatedWith': ref(reviewerId),
      'prov:endedAtTime': dateTime(ctx.review.reviewedAt),
      ...(ctx.review.note ? { 'rdfs:comment': ctx.review.note } : {}),
    });
    if (!agents.has(reviewerId)) {
      graph.push({
        '@id': reviewerId,
        '@type': ['prov:Agent', 'prov:Person'],
        'rdfs:label': ctx.review.reviewer,
      });
    }
  }
  return { '@context': PROV_CONTEXT, '@graph': graph };
}
