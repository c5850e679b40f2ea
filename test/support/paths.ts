import { existsSync } from 'node:fs';
import { fromRoot } from '../../src/util/files.js';

/** The source documents, beside the repository on CI and development machines. */
export const SEEDS: string | undefined = existsSync(fromRoot('..', 'shared', 'seeds')) ? fromRoot('..', 'shared', 'seeds') : undefined;
export const CATALOGUES = fromRoot('catalogue');
export const GOLDEN = fromRoot('test', 'golden');

/** Why a test that needs the source documents was skipped (shown by test/support/skip-reasons.ts). */
export const NO_SEEDS = 'geen ../shared/seeds naast de repository: citaten tegen de brondocumenten niet gecontroleerd';
