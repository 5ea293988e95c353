// Public API of @gongji/domain: pure rules of ../shared/DOMAIN.md, no I/O. Shared by apps/api and apps/admin.
export * from './shared/domain-error';
export * from './shared/dates';
export * from './money/money';
export * from './money/money.errors';
export * from './ledger/ledger';
export * from './kin/kin';
export * from './person/person';
export * from './institution/institution';
export * from './settlement/benefit-schedule';
export * from './policy/policy';
export * from './region/region.errors';
export * from './region/region.rules';
