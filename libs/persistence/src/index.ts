// Public API of @gongji/persistence: TypeORM entities, the DataSource factory, migrations, seeds, the ledger writer.
export * from './entities';
export * from './data-source';
export * from './seed/reference-data';
export * from './transactions';
export * from './ledger/ledger-writer';
export * from './query-counter';
export * from './ledger/ledger-audit';
export * from './queries/analytics.queries';
export * from './queries/policy-version';
export * from './access/access.queries';
export * from './queries/replica-read';
export * from './queries/settlement-facts.query';
export * from './queries/hydrate';
export * from './partitions/postings-partitions';
