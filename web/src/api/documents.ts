import fragments from './operations/fragments.graphql?raw';
import queries from './operations/queries.graphql?raw';
import mutations from './operations/mutations.graphql?raw';
import { operation } from './client';

const all = `${queries}\n${mutations}\n${fragments}`;

export const DOCS = {
  Workspaces: operation(all, 'Workspaces'),
  WorkspaceSources: operation(all, 'WorkspaceSources'),
  Compare: operation(all, 'Compare'),
  SourceClaims: operation(all, 'SourceClaims'),
  ClaimDetail: operation(all, 'ClaimDetail'),
  ReviewLink: operation(all, 'ReviewLink'),
  CreateLink: operation(all, 'CreateLink'),
};
