// Test-only entry of @gongji/persistence (never imported by production code).
export * from './testing/test-database';
export * from './testing/previous-regions';
export * from './testing/pg-cluster';
