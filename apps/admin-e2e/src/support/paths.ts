import path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
/** CI artifacts: screenshots and the API log of the run. */
export const ARTIFACTS_DIR = path.join(WORKSPACE_ROOT, 'tmp', 'e2e');
