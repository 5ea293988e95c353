/** Shared by successful-policy-console and failing-policy-console (issue #10, policy staff console). */
export const BULK = `mutation($i: RegionsRolloutSetInput!) { regionsRolloutSet(input: $i) {
  batchId changedCount refusedCount
  results { regionCode changed region { code walletFrom effectiveWalletFrom } userErrors { code field rule message } }
  userErrors { code field message } } }`;

export const AUDIT = `query($f: AuditLogFilter, $first: Int, $after: String) { auditLog(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id at actorName action entityType entityId before after reason } } } }`;

export const IMPACT = `query($r: ID, $p: KinPurpose!, $rel: [Relation!]!, $on: Date!) {
  kinshipScopeImpact(regionCode: $r, purpose: $p, relations: $rel, effectiveFrom: $on) {
    regionCode currentRelations removedRelations addedRelations registrationCount providerCount
    providers { personId name regionCode registrationCount relations } } }`;

export const SCOPE = `mutation($i: KinshipScopeSetInput!) { kinshipScopeSet(input: $i) {
  setting { id effectiveFrom value } userErrors { code field rule message } } }`;

export const REGION_UPDATE = `mutation($i: RegionUpdateInput!) { regionUpdate(input: $i) {
  region { code walletFullCoverage } userErrors { code field rule message } } }`;

export type BulkPayload = {
  regionsRolloutSet: {
    batchId: string | null;
    changedCount: number;
    refusedCount: number;
    results: {
      regionCode: string;
      changed: boolean;
      region: { code: string; walletFrom: string | null; effectiveWalletFrom: string | null } | null;
      userErrors: { code: string; field: string[]; rule: string | null; message: string }[];
    }[];
    userErrors: { code: string; field: string[]; message: string }[];
  };
};

export type AuditPayload = {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        actorName: string;
        action: string;
        entityType: string;
        entityId: string;
        before: string | null;
        after: string | null;
        reason: string | null;
      };
    }[];
  };
};

export type ImpactPayload = {
  kinshipScopeImpact: {
    regionCode: string | null;
    currentRelations: string[];
    removedRelations: string[];
    addedRelations: string[];
    registrationCount: number;
    providerCount: number;
    providers: { personId: string; name: string; registrationCount: number; relations: string[] }[];
  };
};

export type ScopePayload = {
  kinshipScopeSet: {
    setting: { id: string } | null;
    userErrors: { code: string; field: string[]; rule: string | null; message: string }[];
  };
};
