/**
 * Profile files in the browser: the YAML and JSON that `wijzer evaluate` accepts, written and
 * read without a library (the page has no npm packages). The writer emits only `key: value`
 * lines and flow lists; the reader understands the subset profiles and golden case files use
 * (maps, block and flow lists, flow maps, quoted and plain scalars, comments, block scalars),
 * and says so in Dutch when a file uses more.
 */
import type { FactValue, Profile } from './contract.js';

export class ProfielLeesFout extends Error {}

// ---------------------------------------------------------------- writing

const PLAIN = /^[A-Za-z][A-Za-z0-9_\-./ ]*$/;
const YAML_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

function yamlString(text: string): string {
  const plain = PLAIN.test(text) && !YAML_WORDS.has(text.toLowerCase()) && !text.endsWith(' ') && !text.includes(': ') && !text.includes(' #');
  return plain ? text : JSON.stringify(text);
}

function yamlValue(value: FactValue): string {
  if (Array.isArray(value)) return `[${value.map(yamlString).join(', ')}]`;
  if (typeof value === 'string') return yamlString(value);
  return String(value);
}

/** Only filled facts, in the given order (the form's order), then any others. */
function ordered(profile: Profile, order: readonly string[]): [string, FactValue][] {
  const known = order.filter((k) => k in profile);
  const rest = Object.keys(profile).filter((k) => !order.includes(k)).sort();
  return [...known, ...rest].map((k) => [k, profile[k]!]);
}

export function profileYaml(profile: Profile, order: readonly string[] = []): string {
  const lines = ['# Cliëntprofiel (wijzer). Alleen de ingevulde feiten; een ontbrekend feit is onbekend.'];
  for (const [key, value] of ordered(profile, order)) lines.push(`${key}: ${yamlValue(value)}`);
  return `${lines.join('\n')}\n`;
}

export function profileJson(profile: Profile, order: readonly string[] = []): string {
  return `${JSON.stringify(Object.fromEntries(ordered(profile, order)), null, 2)}\n`;
}

// ---------------------------------------------------------------- reading

type Yaml = null | boolean | number | string | Yaml[] | { [key: string]: Yaml };

interface Line {
  readonly number: number;
  readonly indent: number;
  readonly text: string;
}

function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]!))) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

function scalar(text: string, line: number): Yaml {
  const t = text.trim();
  if (t === '' || t === '~' || t === 'null') return null;
  if (t.startsWith('"')) {
    try {
      return JSON.parse(t) as string;
    } catch {
      throw new ProfielLeesFout(`Regel ${line}: de tekst tussen dubbele aanhalingstekens is niet goed afgesloten.`);
    }
  }
  if (t.startsWith("'")) {
    if (!t.endsWith("'") || t.length < 2) throw new ProfielLeesFout(`Regel ${line}: de tekst tussen enkele aanhalingstekens is niet goed afgesloten.`);
    return t.slice(1, -1).replace(/''/g, "'");
  }
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (/^[&*!|>%@`]/.test(t)) throw new ProfielLeesFout(`Regel ${line}: "${t}" gebruikt YAML die deze pagina niet leest. Sla het profiel op als JSON of schrijf eenvoudige regels "feit: waarde".`);
  return t;
}

/** Flow collections: [a, b], {k: v}, nested. */
function flow(text: string, line: number): Yaml {
  let at = 0;
  const fail = (): never => {
    throw new ProfielLeesFout(`Regel ${line}: de lijst of tabel tussen haken is niet goed geschreven.`);
  };
  const space = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const plain = (): Yaml => {
    space();
    const c = text[at];
    if (c === '[' || c === '{') return collection();
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, at + 1);
      if (end < 0) fail();
      const token = text.slice(at, end + 1);
      at = end + 1;
      return scalar(token, line);
    }
    const start = at;
    while (at < text.length && !',]}'.includes(text[at]!) && !(text[at] === ':' && /\s/.test(text[at + 1] ?? ''))) at++;
    return scalar(text.slice(start, at), line);
  };
  const collection = (): Yaml => {
    const open = text[at];
    at++;
    if (open === '[') {
      const items: Yaml[] = [];
      space();
      if (text[at] === ']') return at++, items;
      for (;;) {
        items.push(plain());
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') return at++, items;
        else fail();
      }
    }
    const map: Record<string, Yaml> = {};
    space();
    if (text[at] === '}') return at++, map;
    for (;;) {
      const key = plain();
      space();
      if (text[at] !== ':') fail();
      at++;
      map[String(key)] = plain();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === '}') return at++, map;
      else fail();
    }
  };
  space();
  const value = collection();
  space();
  if (at !== text.length) fail();
  return value;
}

class BlockReader {
  private at = 0;
  constructor(private readonly lines: readonly Line[]) {}

  private peek(): Line | undefined {
    return this.lines[this.at];
  }

  node(indent: number): Yaml {
    const first = this.peek();
    if (!first || first.indent < indent) return null;
    return first.text.startsWith('- ') || first.text === '-' ? this.list(first.indent) : this.map(first.indent);
  }

  private list(indent: number): Yaml[] {
    const items: Yaml[] = [];
    for (let line = this.peek(); line && line.indent === indent && (line.text.startsWith('- ') || line.text === '-'); line = this.peek()) {
      this.at++;
      const rest = line.text.slice(1).trim();
      if (/^[^\s"'[{][^:]*:(\s|$)/.test(rest)) throw new ProfielLeesFout(`Regel ${line.number}: een tabel binnen een lijst leest deze pagina niet.`);
      items.push(this.value(rest, line, indent));
    }
    return items;
  }

  private map(indent: number): Record<string, Yaml> {
    const map: Record<string, Yaml> = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const match = /^("[^"]*"|'[^']*'|[^\s:][^:]*?)\s*:(?:\s+(.*))?$/.exec(line.text);
      if (!match) throw new ProfielLeesFout(`Regel ${line.number}: verwacht "feit: waarde".`);
      this.at++;
      const key = String(scalar(match[1]!, line.number));
      if (key in map) throw new ProfielLeesFout(`Regel ${line.number}: "${key}" staat er twee keer in.`);
      const rest = (match[2] ?? '').trim();
      if (rest === '') {
        const next = this.peek();
        const nested = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('-')));
        map[key] = nested ? this.node(next.indent) : null;
      } else {
        map[key] = this.value(rest, line, indent);
      }
    }
    const stray = this.peek();
    if (stray && stray.indent > indent) throw new ProfielLeesFout(`Regel ${stray.number}: onverwachte inspringing.`);
    return map;
  }

  private value(rest: string, line: Line, indent: number): Yaml {
    if (/^[|>][-+]?$/.test(rest)) return this.blockScalar(rest, indent);
    if (rest.startsWith('[') || rest.startsWith('{')) {
      // A flow collection may continue on more-indented lines.
      let text = rest;
      while (!balanced(text) && this.peek() && this.peek()!.indent > indent) text += ` ${this.lines[this.at++]!.text}`;
      return flow(text, line.number);
    }
    // A plain or quoted scalar may continue on more-indented lines (folded with spaces).
    let text = rest;
    while (this.peek() && this.peek()!.indent > indent) text += ` ${this.lines[this.at++]!.text}`;
    return scalar(text, line.number);
  }

  private blockScalar(indicator: string, indent: number): string {
    const parts: string[] = [];
    for (let next = this.peek(); next && next.indent > indent; next = this.peek()) {
      parts.push(next.text);
      this.at++;
    }
    return parts.join(indicator.startsWith('>') ? ' ' : '\n');
  }

  done(): Line | undefined {
    return this.peek();
  }
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '[' || c === '{') depth++;
    if (c === ']' || c === '}') depth--;
  }
  return depth <= 0;
}

export function parseYamlSubset(text: string): Yaml {
  const lines: Line[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t') && /^\s*\t/.test(raw)) throw new ProfielLeesFout(`Regel ${i + 1}: inspringen met tabs kan niet in YAML; gebruik spaties.`);
    const content = stripComment(raw).trimEnd();
    if (content.trim() === '' || content.trim() === '---') return;
    lines.push({ number: i + 1, indent: content.length - content.trimStart().length, text: content.trim() });
  });
  if (lines.length === 0) return {};
  const reader = new BlockReader(lines);
  const value = reader.node(lines[0]!.indent);
  const left = reader.done();
  if (left) throw new ProfielLeesFout(`Regel ${left.number}: deze regel past niet in de opbouw van het bestand.`);
  return value;
}

function isMap(value: Yaml): value is { [key: string]: Yaml } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A profile from a file's text: JSON when it parses as JSON, else the YAML subset. A golden
 * case file (with `profiel:`) yields its profile. Empty values (null) mean onbekend and are dropped.
 */
export function parseProfileText(text: string): Profile {
  let data: Yaml;
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      data = JSON.parse(trimmed) as Yaml;
    } catch {
      data = parseYamlSubset(text);
    }
  } else {
    data = parseYamlSubset(text);
  }
  return profileFrom(data);
}

export function profileFrom(data: unknown): Profile {
  let value = data as Yaml;
  if (isMap(value) && isMap(value['profiel'] ?? null)) value = value['profiel']!;
  if (!isMap(value)) throw new ProfielLeesFout('Een profiel is een lijst van regels "feit: waarde" (of een JSON-object).');
  const profile: Profile = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') profile[key] = v;
    else if (Array.isArray(v) && v.every((item) => typeof item === 'string')) profile[key] = v as string[];
    else throw new ProfielLeesFout(`"${key}": deze waarde is geen ja/nee, getal, woord of lijst van woorden.`);
  }
  return profile;
}

// ---------------------------------------------------------------- URL fragment

/** `#profiel=<base64url of JSON>` (the findings page links counterexamples like this). */
export function profileFromFragment(hash: string): Profile | undefined {
  const match = /(?:^#|&)profiel=([A-Za-z0-9_-]+={0,2})/.exec(hash);
  if (!match) return undefined;
  const base64 = match[1]!.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  let json: string;
  try {
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProfielLeesFout('Het profiel in de link is niet leesbaar (geen geldige base64url).');
  }
  try {
    return profileFrom(JSON.parse(json));
  } catch (error) {
    if (error instanceof ProfielLeesFout) throw error;
    throw new ProfielLeesFout('Het profiel in de link is geen geldige JSON.');
  }
}
