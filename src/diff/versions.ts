/**
 * Catalogue versions: a folder as it is, or `folder@<git-ref>` read from git history into a
 * temporary folder (the work tree is never touched). The rules of that version come along,
 * so an old catalogue is checked against the vocabulary it was written for.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isDirectory } from '../util/files.js';
import { temporaryFolder } from '../util/temporary.js';

export interface VersionSpec {
  readonly path: string;
  readonly ref?: string;
  /** How the version is named in reports: the argument as given. */
  readonly label: string;
}

export function parseVersion(argument: string): VersionSpec {
  const at = argument.lastIndexOf('@');
  if (at > 0) return { path: argument.slice(0, at), ref: argument.slice(at + 1), label: argument };
  return { path: argument, label: argument };
}

export interface MaterialisedVersion {
  readonly folder: string;
  /** Rules folder of that version, when the version comes from git and has one. */
  readonly rulesDir?: string;
  readonly cleanup: () => void;
}

const MAX_GIT_OUTPUT = 16 * 1024 * 1024;

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: MAX_GIT_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function copyTree(root: string, ref: string, rel: string, target: string): number {
  const files = git(root, ['ls-tree', '-r', '--name-only', ref, '--', rel]).split('\n').filter(Boolean);
  for (const file of files) {
    const destination = join(target, file);
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, execFileSync('git', ['-C', root, 'show', `${ref}:${file}`], { maxBuffer: MAX_GIT_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] }));
  }
  return files.length;
}

export function materialise(spec: VersionSpec, cwd: string): { version?: MaterialisedVersion; diagnostics: Diagnostic[] } {
  const absolute = resolve(cwd, spec.path);
  if (spec.ref === undefined) return { version: { folder: absolute, cleanup: () => undefined }, diagnostics: [] };
  const fail = (detail: string) => ({ diagnostics: [diag('WZ110', { ref: spec.ref!, path: spec.path, detail })] });
  if (!/^[\w./~^{}-]+$/.test(spec.ref) || spec.ref.startsWith('-')) return fail('ongeldige naam');
  let root: string;
  try {
    const probe = isDirectory(absolute) ? absolute : cwd;
    root = git(probe, ['rev-parse', '--show-toplevel']).trim();
    git(root, ['rev-parse', '--verify', '--quiet', `${spec.ref}^{commit}`]);
  } catch {
    return fail('geen git-map of onbekende versie');
  }
  // Removed by `cleanup`, or at exit at the latest (errors, Ctrl-C): never left in the temp folder.
  const { path: temp, remove: cleanup } = temporaryFolder('wijzer-versie-');
  try {
    const rel = relative(root, absolute);
    if (copyTree(root, spec.ref, rel, temp) === 0) {
      cleanup();
      return fail('de map bestaat niet in die versie');
    }
    const rulesCopied = copyTree(root, spec.ref, 'rules', temp) > 0;
    return { version: { folder: join(temp, rel), ...(rulesCopied ? { rulesDir: join(temp, 'rules') } : {}), cleanup }, diagnostics: [] };
  } catch (error) {
    cleanup();
    return fail((error as Error).message.split('\n')[0] ?? 'git faalde');
  }
}
