/**
 * The expensive half of the pipeline (YAML, schemas, the criteria parser, checks, compilation).
 * src/pipeline.ts loads this module only when the cache cannot answer, so a cached `evaluate`
 * never loads chevrotain or the checker.
 */
export { loadCatalogue } from '../catalogue/load.js';
export { checkCatalogue } from '../check/catalogue.js';
export { compileCatalogue } from '../compile/rules.js';
export { hasErrors } from '../diagnostics/diagnostic.js';
export { loadScope } from '../vocabulary/scope.js';
