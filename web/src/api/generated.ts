/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CreateLinkInput = {
  claimId: string | number;
  /** A claim of another source. */
  evidenceClaimId: string | number;
  note?: string | null | undefined;
  relation: LinkRelation;
};

export type LinkOrigin = 'HUMAN' | 'MACHINE';

/** Symmetric: the two statements agree / conflict / address the same claim while at least one takes no side. */
export type LinkRelation = 'CONTRADICTS' | 'CORROBORATES' | 'DISCUSSES';

export type LinkStatus = 'CONFIRMED' | 'REJECTED' | 'SUGGESTED';

export type LinkingStatus = 'DONE' | 'FAILED' | 'PENDING' | 'RUNNING';

export type ReviewDecision = 'CONFIRM' | 'REJECT';

export type ReviewLinkInput = {
  decision: ReviewDecision;
  linkId: string | number;
  note?: string | null | undefined;
};

export type ClaimSpanFieldsFragment = {
  id: string;
  start: number;
  end: number;
  text: string;
  checkworthiness: number;
  sentenceIndex: number;
};

export type ClaimFieldsFragment = {
  id: string;
  start: number;
  end: number;
  text: string;
  checkworthiness: number;
  sentenceIndex: number;
  source: { id: string };
};

export type LinkFieldsFragment = {
  id: string;
  relation: LinkRelation;
  confidence: number;
  method: string;
  origin: LinkOrigin;
  status: LinkStatus;
  updatedAt: string;
  claim: { id: string };
  evidence: { id: string };
  signals: Array<{
    kind: string;
    detail: string;
    left: string | null;
    right: string | null;
    weight: number | null;
  }>;
};

export type SourceFieldsFragment = {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  text: string;
  contentHash: string;
  linkingStatus: LinkingStatus;
  publisher: { id: string; name: string } | null;
};

export type ReviewLinkMutationVariables = Exact<{
  input: ReviewLinkInput;
}>;

export type ReviewLinkMutation = {
  reviewLink: {
    id: string;
    relation: LinkRelation;
    confidence: number;
    method: string;
    origin: LinkOrigin;
    status: LinkStatus;
    updatedAt: string;
    claim: { id: string };
    evidence: { id: string };
    signals: Array<{
      kind: string;
      detail: string;
      left: string | null;
      right: string | null;
      weight: number | null;
    }>;
  };
};

export type CreateLinkMutationVariables = Exact<{
  input: CreateLinkInput;
}>;

export type CreateLinkMutation = {
  createLink: {
    id: string;
    relation: LinkRelation;
    confidence: number;
    method: string;
    origin: LinkOrigin;
    status: LinkStatus;
    updatedAt: string;
    claim: {
      id: string;
      start: number;
      end: number;
      text: string;
      checkworthiness: number;
      sentenceIndex: number;
      source: { id: string };
    };
    evidence: {
      id: string;
      start: number;
      end: number;
      text: string;
      checkworthiness: number;
      sentenceIndex: number;
      source: { id: string };
    };
    signals: Array<{
      kind: string;
      detail: string;
      left: string | null;
      right: string | null;
      weight: number | null;
    }>;
  };
};

export type WorkspacesQueryVariables = Exact<{ [key: string]: never }>;

export type WorkspacesQuery = { workspaces: Array<{ id: string; name: string }> };

export type WorkspaceSourcesQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;

export type WorkspaceSourcesQuery = {
  workspace: {
    id: string;
    sources: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{
        node: {
          id: string;
          title: string | null;
          publishedAt: string | null;
          linkingStatus: LinkingStatus;
          publisher: { id: string; name: string } | null;
        };
      }>;
    };
  } | null;
};

export type CompareQueryVariables = Exact<{
  leftId: string | number;
  rightId: string | number;
  minConfidence?: number | null | undefined;
}>;

export type CompareQuery = {
  compareSources: {
    stance: LinkRelation | null;
    stanceConfidence: number | null;
    stanceLinks: number;
    minConfidence: number;
    left: {
      id: string;
      title: string | null;
      url: string | null;
      publishedAt: string | null;
      text: string;
      contentHash: string;
      linkingStatus: LinkingStatus;
      workspace: { id: string };
      publisher: { id: string; name: string } | null;
    };
    right: {
      id: string;
      title: string | null;
      url: string | null;
      publishedAt: string | null;
      text: string;
      contentHash: string;
      linkingStatus: LinkingStatus;
      publisher: { id: string; name: string } | null;
    };
    corroborated: Array<{
      left: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string };
      };
      right: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string };
      };
      link: {
        id: string;
        relation: LinkRelation;
        confidence: number;
        method: string;
        origin: LinkOrigin;
        status: LinkStatus;
        updatedAt: string;
        claim: { id: string };
        evidence: { id: string };
        signals: Array<{
          kind: string;
          detail: string;
          left: string | null;
          right: string | null;
          weight: number | null;
        }>;
      };
    }>;
    contradicted: Array<{
      left: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string };
      };
      right: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string };
      };
      link: {
        id: string;
        relation: LinkRelation;
        confidence: number;
        method: string;
        origin: LinkOrigin;
        status: LinkStatus;
        updatedAt: string;
        claim: { id: string };
        evidence: { id: string };
        signals: Array<{
          kind: string;
          detail: string;
          left: string | null;
          right: string | null;
          weight: number | null;
        }>;
      };
    }>;
    discussed: Array<{
      left: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string };
      };
      right: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string };
      };
      link: {
        id: string;
        relation: LinkRelation;
        confidence: number;
        method: string;
        origin: LinkOrigin;
        status: LinkStatus;
        updatedAt: string;
        claim: { id: string };
        evidence: { id: string };
        signals: Array<{
          kind: string;
          detail: string;
          left: string | null;
          right: string | null;
          weight: number | null;
        }>;
      };
    }>;
  };
};

export type PairFieldsFragment = {
  left: {
    id: string;
    start: number;
    end: number;
    text: string;
    checkworthiness: number;
    sentenceIndex: number;
    source: { id: string };
  };
  right: {
    id: string;
    start: number;
    end: number;
    text: string;
    checkworthiness: number;
    sentenceIndex: number;
    source: { id: string };
  };
  link: {
    id: string;
    relation: LinkRelation;
    confidence: number;
    method: string;
    origin: LinkOrigin;
    status: LinkStatus;
    updatedAt: string;
    claim: { id: string };
    evidence: { id: string };
    signals: Array<{
      kind: string;
      detail: string;
      left: string | null;
      right: string | null;
      weight: number | null;
    }>;
  };
};

export type SourceClaimsQueryVariables = Exact<{
  sourceId: string | number;
  after?: string | null | undefined;
}>;

export type SourceClaimsQuery = {
  source: {
    id: string;
    claims: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{
        node: {
          id: string;
          start: number;
          end: number;
          text: string;
          checkworthiness: number;
          sentenceIndex: number;
        };
      }>;
    };
  } | null;
};

export type ClaimDetailQueryVariables = Exact<{
  id: string | number;
}>;

export type ClaimDetailQuery = {
  claim: {
    extractor: string;
    id: string;
    start: number;
    end: number;
    text: string;
    checkworthiness: number;
    sentenceIndex: number;
    revision: { id: string; number: number; contentHash: string; retrievedAt: string };
    source: { id: string; title: string | null; publisher: { name: string } | null };
    links: Array<{
      id: string;
      relation: LinkRelation;
      confidence: number;
      method: string;
      origin: LinkOrigin;
      status: LinkStatus;
      updatedAt: string;
      claim: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string; title: string | null; publisher: { name: string } | null };
      };
      evidence: {
        id: string;
        start: number;
        end: number;
        text: string;
        checkworthiness: number;
        sentenceIndex: number;
        source: { id: string; title: string | null; publisher: { name: string } | null };
      };
      signals: Array<{
        kind: string;
        detail: string;
        left: string | null;
        right: string | null;
        weight: number | null;
      }>;
    }>;
  } | null;
};
