// Public API of @gongji/persistence: TypeORM entities, the DataSource factory, migrations, seeds, the ledger writer.
export * from './entities';
export * from './data-source';
