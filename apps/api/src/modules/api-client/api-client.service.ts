import { randomUUID } from 'node:crypto';
import { type MessageParam, type MessageParams, detailParam, termParam } from '@gongji/domain';
import {
  type ApiClientEntity,
  type DataSource,
  apiClientOfId,
  apiClientsPage,
  inTransaction,
  institutionIdOf,
  saveApiClient,
  upsertPersistedOperation,
} from '@gongji/persistence';
import { parse } from 'graphql';
import { generateApiKey } from '../../auth/api-keys';
import { hashSecret } from '../../auth/passwords';
import type { Principal } from '../../auth/principal';
import type { PageRequest } from '../../common/connection';
import { documentHash } from '../../common/document-hash';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import type { AuditService } from '../audit/audit.service';
import type { Authenticator } from '../../auth/authenticate';
import {
  type ApiClient,
  type ApiClientCreateInput,
  type ApiClientCreatePayload,
  type ApiClientFilter,
  type ApiClientIdInput,
  type ApiClientPayload,
  type ApiClientUpdateInput,
  PORTAL_SCOPES,
  type PersistedOperationRegisterInput,
  type PersistedOperationRegisterPayload,
} from './api-client.types';

const AUDITED_FIELDS = [
  'name',
  'keyPrefix',
  'scopes',
  'institutionId',
  'product',
  'revokedAt',
  'persistedOperationsOnly',
  'rateLimitPerMinute',
] as const;

function audited(e: ApiClientEntity): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((k) => [k, e[k]]));
}

/** Why an input is refused: the English text (logs) and its detail in the reader's language (issue #9: `{detail}`). */
interface Invalid {
  readonly message: string;
  readonly detail: MessageParam;
}

function invalid(message: string, code: string, params?: MessageParams): Invalid {
  return { message, detail: detailParam(code, params) };
}

/** An INVALID_INPUT refusal whose `{detail}` the console shows in the reader's language. */
function invalidInput(why: Invalid, field: string): UserError {
  return userError(ApiErrorCode.INVALID_INPUT, why.message, [field], undefined, { detail: why.detail });
}

/** A refusal of an API-client change. */
function refusal(why: Invalid, field: string): ApiClientPayload {
  return { apiClient: null, userErrors: [invalidInput(why, field)] };
}

/** No such API client (the catalogue names what was not found). */
function notFound(message: string, field: string, entity: string): ApiClientPayload {
  return {
    apiClient: null,
    userErrors: [
      userError(ApiErrorCode.NOT_FOUND, message, [field], undefined, { what: termParam('entity', entity) }),
    ],
  };
}

const GIVE_A_REASON = invalid('Give a reason', 'REASON_MISSING');
const SCOPES_REQUIRED = invalid('Give at least one scope', 'SCOPES_REQUIRED');
const NAME_LENGTH = invalid('Name must be 1–128 characters', 'NAME_LENGTH', { max: 128 });

/**
 * API.md: a portal is "an API client bound to one institution or product". A client that settles needs its
 * institution (else every settlement of it is refused); none is bound to both. (premium:write may go without a
 * product: such a portal pays resident contributions, and premiumPay refuses it any product.)
 */
function bindingError(
  scopes: readonly string[],
  institutionId: string | null,
  product: string | null,
): { why: Invalid; field: string } | null {
  if (institutionId && product)
    return {
      why: invalid(
        'An API client is bound to one institution or one product, not both',
        'API_CLIENT_BOUND_TWICE',
      ),
      field: 'product',
    };
  // The e-voucher code is a proof of presence (issue #8): an institution that bills may not mint its own. The national
  // app (bound to a product, or to nothing) issues codes for its signed-in holder.
  if (scopes.includes('evoucher:issue') && institutionId)
    return {
      why: invalid(
        'The scope evoucher:issue cannot be given to a client bound to an institution: an e-voucher code proves the holder is present, so the institution that bills may not issue its own',
        'SCOPE_NOT_FOR_INSTITUTION',
        { scope: 'evoucher:issue' },
      ),
      field: 'scopes',
    };
  if (scopes.includes('settlement:write') && !institutionId)
    return {
      why: invalid(
        'The scope settlement:write needs the institution the portal settles at (institutionId)',
        'SCOPE_NEEDS_INSTITUTION',
        { scope: 'settlement:write' },
      ),
      field: 'institutionId',
    };
  return null;
}

function unknownScopes(unknown: readonly string[]): Invalid {
  return invalid(`Unknown scopes: ${unknown.join(', ')}`, 'SCOPES_UNKNOWN', { scopes: unknown.join(', ') });
}

export class ApiClientService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly authenticator: Authenticator,
  ) {}

  /** One page of clients, newest first, and the number matching the filter. */
  list(
    filter: ApiClientFilter | null | undefined,
    page: PageRequest,
  ): Promise<{ rows: ApiClientEntity[]; total: number }> {
    return apiClientsPage(this.dataSource, { q: filter?.q, status: filter?.status }, page);
  }

  /** One client by id, or null. */
  byId(id: string): Promise<ApiClientEntity | null> {
    return apiClientOfId(this.dataSource.manager, id);
  }

  /** A new key for the client; the old one stops working at once here and within seconds elsewhere. */
  async rotate(principal: Principal, input: ApiClientIdInput): Promise<ApiClientCreatePayload> {
    const { key, prefix } = generateApiKey();
    const keyHash = await hashSecret(key);
    const result = await this.change(principal, input.id, input.reason, 'apiClientRotate', (e) => {
      if (e.revokedAt)
        return invalid(
          'A revoked client cannot be rotated; create a new one',
          'API_CLIENT_REVOKED_NO_ROTATE',
        );
      Object.assign(e, { keyPrefix: prefix, keyHash, rotatedAt: new Date() });
      return null;
    });
    return {
      apiClient: result.apiClient,
      apiKey: result.apiClient ? key : null,
      userErrors: result.userErrors,
    };
  }

  /** Revokes the client for good (audited); its key is refused within seconds in every API process. */
  revoke(principal: Principal, input: ApiClientIdInput): Promise<ApiClientPayload> {
    return this.change(principal, input.id, input.reason, 'apiClientRevoke', (e) => {
      if (e.revokedAt) return invalid('This client is already revoked', 'API_CLIENT_ALREADY_REVOKED');
      e.revokedAt = new Date();
      return null;
    });
  }

  update(principal: Principal, input: ApiClientUpdateInput): Promise<ApiClientPayload> {
    if (input.scopes) {
      const unknown = input.scopes.filter((s) => !(PORTAL_SCOPES as readonly string[]).includes(s));
      if (unknown.length) return Promise.resolve(refusal(unknownScopes(unknown), 'scopes'));
      if (input.scopes.length === 0) return Promise.resolve(refusal(SCOPES_REQUIRED, 'scopes'));
    }
    const rate = input.rateLimitPerMinute;
    if (rate != null && (!Number.isInteger(rate) || rate < 0 || rate > 100_000)) {
      return Promise.resolve(
        refusal(
          invalid('rateLimitPerMinute must be 0–100000 (0 = server default)', 'RATE_LIMIT_OUT_OF_RANGE'),
          'rateLimitPerMinute',
        ),
      );
    }
    return this.change(principal, input.id, input.reason, 'apiClientUpdate', (e) => {
      if (e.revokedAt) return invalid('A revoked client cannot be changed', 'API_CLIENT_REVOKED_NO_CHANGE');
      if (input.scopes) {
        const binding = bindingError(input.scopes, e.institutionId, e.product);
        if (binding) return binding.why;
        e.scopes = [...new Set(input.scopes)].sort();
      }
      if (input.persistedOperationsOnly != null) e.persistedOperationsOnly = input.persistedOperationsOnly;
      if (rate != null) e.rateLimitPerMinute = rate === 0 ? null : rate;
      return null;
    });
  }

  async registerPersistedOperation(
    principal: Principal,
    input: PersistedOperationRegisterInput,
  ): Promise<PersistedOperationRegisterPayload> {
    const refuse = (why: Invalid, field: string) => ({
      persistedOperation: null,
      userErrors: [invalidInput(why, field)],
    });
    const name = input.name.trim();
    if (name.length < 1 || name.length > 128) return refuse(NAME_LENGTH, 'name');
    try {
      parse(input.document);
    } catch (err) {
      const error = (err as Error).message;
      return refuse(
        invalid(`The document does not parse: ${error}`, 'DOCUMENT_DOES_NOT_PARSE', { error }),
        'document',
      );
    }
    const id = documentHash(input.document);
    await inTransaction(this.dataSource, async (manager) => {
      await upsertPersistedOperation(manager, { id, name, document: input.document, createdAt: new Date() });
      await this.audit.record(manager, principal, {
        action: 'persistedOperationRegister',
        entityType: 'PersistedOperation',
        entityId: id,
        before: null,
        after: { name },
      });
    });
    return { persistedOperation: { sha256Hash: id, name }, userErrors: [] };
  }

  /** Loads, changes (or refuses with a message), saves and audits one client in a transaction. */
  private async change(
    principal: Principal,
    id: string,
    reason: string,
    action: string,
    apply: (e: ApiClientEntity) => Invalid | null,
  ): Promise<ApiClientPayload> {
    if (reason.trim().length === 0) return refusal(GIVE_A_REASON, 'reason');
    const result = await inTransaction(this.dataSource, async (manager) => {
      const entity = await apiClientOfId(manager, id);
      if (!entity) return notFound('No such API client', 'id', 'apiClient');
      const before = audited(entity);
      const refused = apply(entity);
      if (refused) return refusal(refused, 'id');
      await saveApiClient(manager, entity);
      await this.audit.record(manager, principal, {
        action,
        entityType: 'ApiClient',
        entityId: id,
        before,
        after: audited(entity),
        reason: reason.trim(),
      });
      return { apiClient: toApiClient(entity), userErrors: [] };
    });
    if (result.apiClient) this.authenticator.forgetClient(id);
    return result;
  }

  async create(principal: Principal, input: ApiClientCreateInput): Promise<ApiClientCreatePayload> {
    const refuse = (why: Invalid, field: string) => ({
      apiClient: null,
      apiKey: null,
      userErrors: [invalidInput(why, field)],
    });
    const name = input.name.trim();
    if (name.length < 1 || name.length > 128) return refuse(NAME_LENGTH, 'name');
    const unknown = input.scopes.filter((s) => !(PORTAL_SCOPES as readonly string[]).includes(s));
    if (unknown.length) return refuse(unknownScopes(unknown), 'scopes');
    if (input.scopes.length === 0) return refuse(SCOPES_REQUIRED, 'scopes');
    const product = input.product?.trim() || null;
    const binding = bindingError(input.scopes, input.institutionId ?? null, product);
    if (binding) return refuse(binding.why, binding.field);
    // The institution by id or by national code, like a settlement's institutionId.
    const institutionId = input.institutionId
      ? await institutionIdOf(this.dataSource, input.institutionId)
      : null;
    if (input.institutionId && !institutionId) {
      return {
        apiClient: null,
        apiKey: null,
        userErrors: [
          userError(ApiErrorCode.NOT_FOUND, 'No such institution', ['institutionId'], undefined, {
            what: termParam('entity', 'institution'),
          }),
        ],
      };
    }
    const { key, prefix } = generateApiKey();
    const keyHash = await hashSecret(key);
    const entity = await inTransaction(this.dataSource, async (manager) => {
      const saved = await saveApiClient(manager, {
        id: randomUUID(),
        name,
        keyPrefix: prefix,
        keyHash,
        institutionId,
        product,
        scopes: [...new Set(input.scopes)].sort(),
        createdAt: new Date(),
        revokedAt: null,
        rotatedAt: null,
        lastUsedAt: null,
        persistedOperationsOnly: false,
        rateLimitPerMinute: null,
      });
      await this.audit.record(manager, principal, {
        action: 'apiClientCreate',
        entityType: 'ApiClient',
        entityId: saved.id,
        before: null,
        after: {
          name: saved.name,
          keyPrefix: saved.keyPrefix,
          scopes: saved.scopes,
          institutionId: saved.institutionId,
          product: saved.product,
        },
      });
      return saved;
    });
    return { apiClient: toApiClient(entity), apiKey: key, userErrors: [] };
  }
}

export function toApiClient(e: ApiClientEntity): ApiClient {
  return {
    id: e.id,
    name: e.name,
    keyPrefix: e.keyPrefix,
    scopes: e.scopes,
    institutionId: e.institutionId,
    product: e.product,
    createdAt: e.createdAt,
    revokedAt: e.revokedAt,
    rotatedAt: e.rotatedAt,
    lastUsedAt: e.lastUsedAt,
    persistedOperationsOnly: e.persistedOperationsOnly,
    rateLimitPerMinute: e.rateLimitPerMinute,
  };
}
