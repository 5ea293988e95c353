import { REASON_MAX_LENGTH } from '@gongji/domain';
import { AuditLogEntity, ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REVOKE, demoIds } from './kin-helpers';
import { type Payload, UNLOCK } from './payment-password.helpers';

type Refusal = { message: string; extensions: { code: string; field?: string } };

/**
 * A reason is one or two sentences for the audit trail; an auditor stored a 500 kB one, shown in every audit list.
 * Every mutation refuses a reason over 500 characters (code points) with BAD_USER_INPUT naming the argument, in the
 * reader's language, and changes nothing; 500 Chinese characters are accepted.
 */
describe(`a reason longer than ${REASON_MAX_LENGTH} characters (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let counter: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    counter = await app.login('counter');
    ids = await demoIds(app);
  });
  afterAll(async () => app?.close());

  const auditRows = () => app.db.getRepository(AuditLogEntity).count();

  it('is refused before the mutation runs, in Chinese by default and in English on request', async () => {
    const before = await auditRows();
    const reason = '核'.repeat(REASON_MAX_LENGTH + 1);
    const zh = await app.gql<{ paymentPasswordUnlock: Payload }>(
      UNLOCK,
      { input: { personId: ids['王丽'], reason } },
      counter,
      { 'accept-language': '' },
    );
    expect(zh.data?.paymentPasswordUnlock ?? null).toBeNull();
    const [refusal] = zh.errors as Refusal[];
    expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(refusal.message).toContain('原因最多500个字符，现有501个');
    const en = await app.gql(UNLOCK, { input: { personId: ids['王丽'], reason } }, counter);
    expect((en.errors as Refusal[])[0].message).toContain(
      'A reason is at most 500 characters; this one has 501',
    );
    expect(await auditRows()).toBe(before);
  });

  it('counts characters, not UTF-16 units: 500 characters outside the BMP are accepted', async () => {
    const relation = await app.db
      .getRepository(KinRelationEntity)
      .findOneByOrFail({ providerId: ids['王丽'], beneficiaryId: ids['王小明'] });
    const reason = '𠀀'.repeat(REASON_MAX_LENGTH); // 1,000 UTF-16 units
    const revoked = await app.gql<{ kinRelationRevoke: { userErrors: unknown[] } }>(
      KIN_REVOKE,
      { input: { id: relation.id, reason } },
      counter,
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.kinRelationRevoke.userErrors).toEqual([]);
    const row = await app.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'kinRelationRevoke', entityId: relation.id });
    expect(row.reason).toBe(reason);
  });
});
