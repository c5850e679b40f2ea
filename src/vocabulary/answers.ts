/** Reading a consultant's typed answer for one fact (wijzer vraag). */
import { assertNever } from '../dsl/ast.js';
import { suggest } from '../util/suggest.js';
import type { Fact, FactValue } from './types.js';

export function answerHint(fact: Fact): string {
  switch (fact.kind) {
    case 'ja-nee':
      return 'ja of nee';
    case 'getal':
      return `een getal${fact.eenheid ? ` (in ${fact.eenheid})` : ''}${fact.minimum !== undefined && fact.maximum !== undefined ? ` van ${fact.minimum} tot ${fact.maximum}` : ''}`;
    case 'schaal':
    case 'keuze':
      return `een van: ${fact.labels.join(', ')}`;
    case 'lijst':
      return `nul of meer van: ${fact.labels.join(', ')} (gescheiden door komma's; leeg = geen)`;
    default:
      return assertNever(fact);
  }
}

function label(fact: { labels: readonly string[] }, text: string): { value?: string; error?: string } {
  const match = fact.labels.find((l) => l === text.trim().toLowerCase());
  if (match) return { value: match };
  const suggestion = suggest(text.trim(), fact.labels);
  return { error: `'${text.trim()}' is geen mogelijke waarde${suggestion ? `; bedoelt u '${suggestion}'?` : ''}` };
}

export function parseAnswer(fact: Fact, text: string): { value?: FactValue; error?: string } {
  const answer = text.trim();
  switch (fact.kind) {
    case 'ja-nee':
      if (/^(ja|j|true)$/i.test(answer)) return { value: true };
      if (/^(nee|n|false)$/i.test(answer)) return { value: false };
      return { error: 'antwoord met ja of nee' };
    case 'getal': {
      const n = Number(answer.replace(',', '.'));
      if (answer === '' || !Number.isFinite(n)) return { error: 'antwoord met een getal' };
      if ((fact.minimum !== undefined && n < fact.minimum) || (fact.maximum !== undefined && n > fact.maximum)) return { error: `het getal moet tussen ${fact.minimum ?? '-∞'} en ${fact.maximum ?? '∞'} liggen` };
      return { value: n };
    }
    case 'schaal':
    case 'keuze':
      return label(fact, answer);
    case 'lijst': {
      const parts = answer.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
      const values: string[] = [];
      for (const part of parts) {
        const one = label(fact, part);
        if (one.error) return { error: one.error };
        if (!values.includes(one.value!)) values.push(one.value!);
      }
      return { value: values };
    }
    default:
      return assertNever(fact);
  }
}
