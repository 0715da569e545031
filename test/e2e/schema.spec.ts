import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { buildSchemaText } from '../../src/graphql/schema-text.js';

describe('the committed schema.gql', () => {
  it('matches the schema the code defines (run `npm run schema` after changing the API)', async () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8');
    expect(await buildSchemaText()).toBe(committed);
  });

  it('keeps every name of the public contract', () => {
    const schema = readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8');
    const required = [
      'enum LinkRelation',
      'CORROBORATES',
      'CONTRADICTS',
      'DISCUSSES',
      'enum LinkStatus',
      'SUGGESTED',
      'CONFIRMED',
      'REJECTED',
      'enum LinkOrigin',
      'MACHINE',
      'HUMAN',
      'enum LinkingStatus',
      'PENDING',
      'RUNNING',
      'DONE',
      'FAILED',
      'workspaces: [Workspace!]!',
      'workspace(id: ID!): Workspace',
      'source(id: ID!): Source',
      'claim(id: ID!): Claim',
      'searchClaims(after: String, first: Int = 20, query: String!, workspaceId: ID!): ClaimConnection!',
      'compareSources(leftId: ID!, minConfidence: Float, rightId: ID!): SourceComparison!',
      'createWorkspace(input: CreateWorkspaceInput!): Workspace!',
      'ingestSource(input: IngestSourceInput!): Source!',
      'ingestSources(inputs: [IngestSourceInput!]!): [Source!]!',
      'contentHash: String!',
      'linkingStatus: LinkingStatus!',
      'checkworthiness: Float!',
      'links(minConfidence: Float, relation: LinkRelation): [ClaimLink!]!',
      'evidence: Claim!',
      'confidence: Float!',
      'signals: [LinkSignal!]!',
      'method: String!',
      'origin: LinkOrigin!',
      'status: LinkStatus!',
      'stance: LinkRelation',
      'corroborated: [ClaimPair!]!',
      'contradicted: [ClaimPair!]!',
      'discussed: [ClaimPair!]!',
      'onlyInLeft: [Claim!]!',
      'onlyInRight: [Claim!]!',
      'hasNextPage: Boolean!',
      'endCursor: String',
      'totalCount: Int!',
    ];
    for (const piece of required) expect(schema).toContain(piece);
  });
});
