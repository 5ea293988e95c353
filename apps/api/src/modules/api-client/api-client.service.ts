import { randomUUID } from 'node:crypto';
import { ApiClientEntity, InstitutionEntity, inTransaction } from '@gongji/persistence';
import type { DataSource } from 'typeorm';
import { generateApiKey } from '../../auth/api-keys';
import { hashSecret } from '../../auth/passwords';
import type { Principal } from '../../auth/principal';
import { ApiErrorCode, userError } from '../../common/user-error';
import type { AuditService } from '../audit/audit.service';
import {
  type ApiClient,
  type ApiClientCreateInput,
  type ApiClientCreatePayload,
  PORTAL_SCOPES,
} from './api-client.types';

export class ApiClientService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, input: ApiClientCreateInput): Promise<ApiClientCreatePayload> {
    const refuse = (message: string, field: string) => ({
      apiClient: null,
      apiKey: null,
      userErrors: [userError(ApiErrorCode.INVALID_INPUT, message, [field])],
    });
    const name = input.name.trim();
    if (name.length < 1 || name.length > 128) return refuse('Name must be 1–128 characters', 'name');
    const unknown = input.scopes.filter((s) => !(PORTAL_SCOPES as readonly string[]).includes(s));
    if (unknown.length) return refuse(`Unknown scopes: ${unknown.join(', ')}`, 'scopes');
    if (input.scopes.length === 0) return refuse('Give at least one scope', 'scopes');
    if (
      input.institutionId &&
      !(await this.dataSource.getRepository(InstitutionEntity).existsBy({ id: input.institutionId }))
    ) {
      return {
        apiClient: null,
        apiKey: null,
        userErrors: [userError(ApiErrorCode.NOT_FOUND, 'No such institution', ['institutionId'])],
      };
    }
    const { key, prefix } = generateApiKey();
    const keyHash = await hashSecret(key);
    const entity = await inTransaction(this.dataSource, async (manager) => {
      const saved = await manager.getRepository(ApiClientEntity).save({
        id: randomUUID(),
        name,
        keyPrefix: prefix,
        keyHash,
        institutionId: input.institutionId ?? null,
        product: input.product ?? null,
        scopes: [...new Set(input.scopes)].sort(),
        createdAt: new Date(),
        revokedAt: null,
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
  };
}
