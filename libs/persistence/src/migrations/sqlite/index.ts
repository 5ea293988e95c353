import { Initial1795418252993 } from './1795418252993-Initial';
import type { MigrationInterface } from 'typeorm';

/** SQLite migrations in order (classes, not globs, so they survive bundling). */
export const SQLITE_MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795418252993];
