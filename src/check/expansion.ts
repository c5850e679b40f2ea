/**
 * How large and how deep a criterion becomes once its definitions are written out.
 *
 * The compiled json-rules-engine rules are plain conditions with every definition inlined at
 * every use, so a definition that uses the next one twice doubles per level: forty such lines
 * would make a trillion conditions. These figures are therefore computed once per definition,
 * from the figures of the definitions it uses (never by expanding), with an explicit stack so a
 * 5,000-step chain cannot overflow the call stack, and checked against limits before anything
 * is lowered. Lowering only ever sees criteria that passed these checks.
 */
import { diag } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Expr } from '../dsl/ast.js';
import type { OffsetMapper } from '../dsl/parse.js';
import type { Definition, Scope } from './typecheck.js';

/** Definitions inside definitions (the real catalogues use at most 2). */
export const MAX_DEFINITION_LEVELS = 64;
/** Comparisons in one criterion after writing out its definitions (the real maximum is 6). */
export const MAX_EXPANDED_COMPARISONS = 1000;
/** And/or/niet levels after writing out: keeps lowering, the engine and JSON output off deep recursion. */
export const MAX_EXPANDED_NESTING = 400;

/** A use of a definition inside one criterion: how often, and how deeply nested it sits. */
interface Use {
  readonly name: string;
  readonly count: number;
  /** And/or/niet levels above the use; the definition's own root takes the name's place. */
  readonly above: number;
  readonly offset: number;
}

/** A criterion as written, before anything is written out. */
interface Shape {
  readonly comparisons: number;
  readonly nesting: number;
  readonly uses: readonly Use[];
}

/** A definition's figures once written out; computed once and shared by every use. */
export interface Expansion {
  readonly comparisons: number;
  readonly levels: number;
  readonly nesting: number;
  /** A definition on a cycle that this one reaches: then it cannot be written out at all. */
  readonly cycle?: string;
  /** The used definition that contributes most to each figure, to show the chain. */
  readonly heaviest?: string;
  readonly deepest?: string;
  readonly nestiest?: string;
}

interface Figures {
  readonly shapes: Map<string, Shape>;
  readonly expansions: Map<string, Expansion>;
}

const memo = new WeakMap<ReadonlyMap<string, Definition>, Figures>();

function shapeOf(expr: Expr, definitions: ReadonlyMap<string, Definition>): Shape {
  let comparisons = 0;
  let nesting = 0;
  const uses = new Map<string, { count: number; above: number; offset: number }>();
  // The parser bounds a single criterion's nesting (MAX_NESTING), so recursion here is shallow.
  const walk = (e: Expr, depth: number): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        e.operands.forEach((o) => walk(o, depth + 1));
        return;
      case 'not':
        walk(e.operand, depth + 1);
        return;
      case 'name':
        if (definitions.get(e.ref.name)?.ast) {
          const use = uses.get(e.ref.name);
          if (use) {
            use.count++;
            use.above = Math.max(use.above, depth - 1);
          } else uses.set(e.ref.name, { count: 1, above: depth - 1, offset: e.ref.range.start });
          return;
        }
        comparisons += 1;
        nesting = Math.max(nesting, depth);
        return;
      case 'member':
        comparisons += Math.max(1, e.values.length);
        nesting = Math.max(nesting, depth);
        return;
      default:
        comparisons += 1;
        nesting = Math.max(nesting, depth);
    }
  };
  walk(expr, 1);
  return { comparisons, nesting, uses: [...uses].map(([name, u]) => ({ name, ...u })) };
}

/** Combines a criterion's own shape with the (finished) figures of the definitions it uses. */
function combine(shape: Shape, expansionOf: (name: string) => Expansion | undefined): Expansion {
  let comparisons = shape.comparisons;
  let levels = 0;
  let nesting = shape.nesting;
  let cycle: string | undefined;
  let heaviest: string | undefined;
  let heaviestWeight = -1;
  let deepest: string | undefined;
  let nestiest: string | undefined;
  for (const use of shape.uses) {
    const child = expansionOf(use.name);
    if (!child) {
      cycle ??= use.name; // still open on the stack: a back edge
      continue;
    }
    if (child.cycle) {
      cycle ??= child.cycle;
      continue;
    }
    const weight = use.count * child.comparisons;
    comparisons += weight;
    if (weight > heaviestWeight) [heaviest, heaviestWeight] = [use.name, weight];
    if (child.levels > levels) [deepest, levels] = [use.name, child.levels];
    if (use.above + child.nesting > nesting) [nestiest, nesting] = [use.name, use.above + child.nesting];
  }
  return {
    comparisons,
    levels: levels + 1,
    nesting,
    ...(cycle !== undefined ? { cycle } : {}),
    ...(heaviest !== undefined ? { heaviest } : {}),
    ...(deepest !== undefined ? { deepest } : {}),
    ...(nestiest !== undefined ? { nestiest } : {}),
  };
}

/** Figures of every definition, by one iterative depth-first pass; memoised per definitions map. */
function figuresOf(definitions: ReadonlyMap<string, Definition>): Figures {
  const known = memo.get(definitions);
  if (known) return known;
  const shapes = new Map<string, Shape>();
  const expansions = new Map<string, Expansion>();
  const shape = (name: string): Shape => {
    let s = shapes.get(name);
    if (!s) {
      s = shapeOf(definitions.get(name)!.ast!, definitions);
      shapes.set(name, s);
    }
    return s;
  };
  const open = new Set<string>();
  for (const [root, definition] of definitions) {
    if (!definition.ast || expansions.has(root)) continue;
    const stack: { name: string; next: number }[] = [{ name: root, next: 0 }];
    open.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const uses = shape(top.name).uses;
      if (top.next < uses.length) {
        const child = uses[top.next++]!.name;
        if (!expansions.has(child) && !open.has(child)) {
          open.add(child);
          stack.push({ name: child, next: 0 });
        }
        continue;
      }
      expansions.set(top.name, combine(shape(top.name), (name) => expansions.get(name)));
      open.delete(top.name);
      stack.pop();
    }
  }
  const figures = { shapes, expansions };
  memo.set(definitions, figures);
  return figures;
}

export function expansionOf(name: string, scope: Scope): Expansion | undefined {
  return figuresOf(scope.definitions).expansions.get(name);
}

/** Shown chains stay short: a 5,000-step chain is named by its ends. */
export function chainText(names: readonly string[]): string {
  return shownChain(names.length, (i) => names[i]!);
}

/** Follows one pointer (deepest, heaviest, …) from a definition while `more` says so. */
function follow(start: string, scope: Scope, next: (e: Expansion) => string | undefined, more: (e: Expansion) => boolean): string[] {
  const chain = [start];
  let current = expansionOf(start, scope);
  while (current && more(current)) {
    const name = next(current);
    if (name === undefined) break;
    chain.push(name);
    current = expansionOf(name, scope);
  }
  return chain;
}

function countText(n: number): string {
  return n <= 1_000_000 ? String(n) : 'meer dan een miljoen';
}

/** Limits per definition, reported where the limit is crossed (not again at every user above it). */
export function checkDefinitionExpansions(scope: Scope): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { expansions, shapes } = figuresOf(scope.definitions);
  for (const [name, definition] of scope.definitions) {
    const e = expansions.get(name);
    if (!definition.ast || !e || e.cycle) continue;
    const children = shapes.get(name)!.uses.map((u) => expansions.get(u.name)!);
    if (e.levels === MAX_DEFINITION_LEVELS + 1) {
      const chain = follow(name, scope, (x) => x.deepest, () => true);
      out.push(diag('WZ606', { name, what: `${e.levels} definities in elkaar`, max: MAX_DEFINITION_LEVELS, chain: chainText(chain) }, definition.at(0)));
    } else if (e.levels <= MAX_DEFINITION_LEVELS && e.nesting > MAX_EXPANDED_NESTING && children.every((c) => c.nesting <= MAX_EXPANDED_NESTING)) {
      const chain = follow(name, scope, (x) => x.nestiest, (x) => x.nesting > 0);
      out.push(diag('WZ606', { name, what: `${e.nesting} niveaus en/of/niet na uitschrijven`, max: MAX_EXPANDED_NESTING, chain: chainText(chain) }, definition.at(0)));
    }
    if (e.comparisons > MAX_EXPANDED_COMPARISONS && children.every((c) => c.comparisons <= MAX_EXPANDED_COMPARISONS)) {
      const chain = follow(name, scope, (x) => x.heaviest, () => true);
      out.push(diag('WZ607', { name, size: countText(e.comparisons), max: MAX_EXPANDED_COMPARISONS, chain: chainText(chain) }, definition.at(0)));
    }
  }
  return out;
}

/**
 * Limits for one criterion of a product (or any criterion outside rules/definities/): every
 * definition it uses must be writable, and the whole must stay within the limits.
 */
export function checkCriterionExpansion(expr: Expr, scope: Scope, at: OffsetMapper): Diagnostic[] {
  const { expansions } = figuresOf(scope.definitions);
  const shape = shapeOf(expr, scope.definitions);
  const out: Diagnostic[] = [];
  for (const use of shape.uses) {
    const e = expansions.get(use.name);
    if (!e) continue;
    if (e.cycle) {
      const reason = e.cycle === use.name ? 'zij verwijst naar zichzelf' : `zij gebruikt '${e.cycle}', die naar zichzelf verwijst`;
      out.push(diag('WZ609', { name: use.name, reason }, at(use.offset)));
    } else if (e.levels > MAX_DEFINITION_LEVELS) {
      const chain = follow(use.name, scope, (x) => x.deepest, () => true);
      out.push(diag('WZ609', { name: use.name, reason: `zij is te diep genest (${e.levels} definities in elkaar, maximaal ${MAX_DEFINITION_LEVELS}), via ${chainText(chain)}` }, at(use.offset)));
    }
  }
  if (out.length > 0) return out;
  const whole = combine(shape, (name) => expansions.get(name));
  if (whole.nesting > MAX_EXPANDED_NESTING && whole.nestiest) {
    const use = shape.uses.find((u) => u.name === whole.nestiest)!;
    const chain = follow(whole.nestiest, scope, (x) => x.nestiest, (x) => x.nesting > 0);
    out.push(diag('WZ609', { name: whole.nestiest, reason: `zij is uitgeschreven te diep genest (${whole.nesting} niveaus en/of/niet, maximaal ${MAX_EXPANDED_NESTING}), via ${chainText(chain)}` }, at(use.offset)));
  }
  if (whole.comparisons > MAX_EXPANDED_COMPARISONS) {
    const chain = whole.heaviest ? follow(whole.heaviest, scope, (x) => x.heaviest, () => true) : [];
    out.push(diag('WZ608', { size: countText(whole.comparisons), max: MAX_EXPANDED_COMPARISONS, chain: chain.length > 0 ? chainText(chain) : 'geen definities' }, at(0)));
  }
  return out;
}

/**
 * Definitions that lie on a cycle, each with the text of a chain back to itself. Linear: per
 * strongly connected component one breadth-first search forward and one backward from a root
 * give every member a way to the root and back; only the ends of each chain are shown, and
 * those are read from short per-definition prefixes, never by walking a 5,000-step chain per
 * definition.
 */
export function definitionCycles(scope: Scope): Map<string, string> {
  const { shapes } = figuresOf(scope.definitions);
  const edges = (name: string): string[] => shapes.get(name)?.uses.map((u) => u.name) ?? [];
  const result = new Map<string, string>();
  for (const component of stronglyConnected([...shapes.keys()], edges)) {
    const root = component[0]!;
    const members = new Set(component);
    if (members.size === 1 && !edges(root).includes(root)) continue;
    const reverse = new Map<string, string[]>();
    for (const m of component) {
      for (const n of edges(m).filter((x) => members.has(x))) {
        const list = reverse.get(n);
        if (list) list.push(m);
        else reverse.set(n, [m]);
      }
    }
    // toward: each member's way to the root; from: the root's way to each member.
    const toward = bfs(root, (n) => reverse.get(n) ?? [], 'suffix');
    const from = bfs(root, (n) => edges(n).filter((x) => members.has(x)), 'prefix');
    for (const m of component) {
      if (m === root) {
        const predecessors = reverse.get(root) ?? [];
        const last = predecessors.reduce((a, b) => (from.depth.get(b)! < from.depth.get(a)! ? b : a));
        const length = from.depth.get(last)! + 2;
        result.set(m, shownChain(length, (i) => (i === length - 1 ? root : nodeOnPathFrom(from, last, i))));
        continue;
      }
      const back = toward.depth.get(m)!; // steps from m to the root
      const length = back + from.depth.get(m)! + 1;
      result.set(m, shownChain(length, (i) => (i <= back ? nodeOnPathToward(toward, m, i) : nodeOnPathFrom(from, m, i - back))));
    }
  }
  return result;
}

/** A breadth-first search tree, with for each node its depth and the ends of its path kept short. */
interface Tree {
  readonly parent: Map<string, string>;
  readonly depth: Map<string, number>;
  /** 'prefix': the first nodes of root → … → node; 'suffix': the last nodes of node → … → root. */
  readonly ends: Map<string, readonly string[]>;
}

const KEPT = 8;

function bfs(start: string, next: (name: string) => readonly string[], keep: 'prefix' | 'suffix'): Tree {
  const parent = new Map<string, string>();
  const depth = new Map([[start, 0]]);
  const ends = new Map<string, readonly string[]>([[start, [start]]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    for (const n of next(current)) {
      if (depth.has(n)) continue;
      depth.set(n, depth.get(current)! + 1);
      parent.set(n, current);
      const before = ends.get(current)!;
      ends.set(n, before.length >= KEPT ? before : keep === 'prefix' ? [...before, n] : [n, ...before]);
      queue.push(n);
    }
  }
  return { parent, depth, ends };
}

/** The i-th node (0 = node) on node → … → root in a tree searched backwards from the root. */
function nodeOnPathToward(tree: Tree, node: string, i: number): string {
  const steps = tree.depth.get(node)!;
  if (i < KEPT) {
    let x = node;
    for (let k = 0; k < i; k++) x = tree.parent.get(x)!;
    return x;
  }
  const suffix = tree.ends.get(node)!;
  return suffix[suffix.length - 1 - (steps - i)]!;
}

/** The j-th node (0 = root) on root → … → node in a tree searched forwards from the root. */
function nodeOnPathFrom(tree: Tree, node: string, j: number): string {
  const steps = tree.depth.get(node)!;
  if (j < KEPT) return tree.ends.get(node)![j]!;
  let x = node;
  for (let k = 0; k < steps - j; k++) x = tree.parent.get(x)!;
  return x;
}

/** Shows a chain of `length` names by its ends, reading only the names it shows. */
function shownChain(length: number, nameAt: (i: number) => string): string {
  const indices = length <= KEPT ? [...Array(length).keys()] : [0, 1, 2, 3, length - 3, length - 2, length - 1];
  const names = indices.map(nameAt);
  return length <= KEPT ? names.join(' → ') : [...names.slice(0, 4), `… (${length - 7} meer)`, ...names.slice(4)].join(' → ');
}

/** Tarjan's algorithm with an explicit stack (a 5,000-step chain must not recurse). */
function stronglyConnected(nodes: readonly string[], edges: (name: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { name: string; next: number; targets: readonly string[] }[] = [];
    const enter = (name: string): void => {
      index.set(name, counter);
      low.set(name, counter++);
      stack.push(name);
      onStack.add(name);
      work.push({ name, next: 0, targets: edges(name) });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next++]!;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.name);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
