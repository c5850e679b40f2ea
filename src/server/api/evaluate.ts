/**
 * POST /api/evaluatie and POST /api/vragen: validate the body as a profile (the schema generated
 * from the vocabulary), evaluate it through each catalogue's serial queue, and answer with the
 * existing renderers. The profile lives only as long as the request: nothing is stored or logged.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { diag } from '../../diagnostics/codes.js';
import type { Evaluation } from '../../evaluate/outcome.js';
import { familyText } from '../../report/explain.js';
import { evaluationJson } from '../../report/json.js';
import { renderComparisonMarkdown, renderMarkdown } from '../../report/markdown.js';
import { checkProfileValue } from '../../vocabulary/profile.js';
import type { Profile, Vocabulary } from '../../vocabulary/types.js';
import type { ServedCatalogue, ServerContext } from '../context.js';
import { apiFout, bodyLocator, sendFouten } from './errors.js';
import { queryValue, selectCatalogues } from './query.js';

const FORMATS = ['json', 'markdown'] as const;
/** How the profile is named in the Markdown heading ("# <regio>: profiel <naam>"). */
const DEFAULT_PROFILE_NAME = 'uit de aanvraag';
const MAX_NAME_LENGTH = 120;

/** The evaluation JSON plus, per family, the Dutch sentence the text and Markdown reports show. */
export function evaluationWithExplanation(evaluation: Evaluation, vocabulary: Vocabulary): object {
  const json = evaluationJson(evaluation, vocabulary) as { families: object[] };
  return { ...json, families: json.families.map((f, i) => ({ ...f, uitleg: familyText(evaluation.families[i]!, vocabulary) })) };
}

/** Room for every fact, the reserved keys and as many misspelt ones: more is refused unread (WZ915). */
export const maxProfileKeys = (facts: number): number => 2 * (facts + 2);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Shared first half of both endpoints: which catalogues, and a valid profile; or the error already sent. */
async function profileRequest(request: FastifyRequest, reply: FastifyReply, context: ServerContext): Promise<{ catalogues: ServedCatalogue[]; profile: Profile } | undefined> {
  const selected = selectCatalogues(context, request.query);
  if (!selected.catalogues) {
    await sendFouten(reply, 404, selected.fouten);
    return undefined;
  }
  // A resource limit before validation: every unknown key costs a "did you mean" search, and an
  // object with far more keys than there are facts cannot be a profile anyway.
  const keys = isPlainObject(request.body) ? Object.keys(request.body).length : 0;
  const facts = context.scope.vocabulary.facts.size;
  if (keys > maxProfileKeys(facts)) {
    await sendFouten(reply, 422, [apiFout(diag('WZ915', { count: keys, facts }), '')]);
    return undefined;
  }
  const { locate, pointerOf } = bodyLocator();
  const checked = checkProfileValue(request.body, context.scope.vocabulary, locate);
  if (!checked.profile) {
    await sendFouten(reply, 422, checked.diagnostics.map((d) => apiFout(d, pointerOf(d.span))));
    return undefined;
  }
  return { catalogues: selected.catalogues, profile: checked.profile };
}

function evaluateAll(catalogues: readonly ServedCatalogue[], profile: Profile): Promise<Evaluation[]> {
  return Promise.all(catalogues.map((c) => c.evaluate(profile)));
}

/** Questions of several catalogues as one list: counts summed per fact, ranked as rankQuestions ranks them. */
function mergedQuestions(evaluations: readonly Evaluation[], vocabulary: Vocabulary): object[] {
  const merged = new Map<string, { decides: number; involved: number }>();
  for (const q of evaluations.flatMap((e) => e.questions)) {
    const sum = merged.get(q.fact) ?? { decides: 0, involved: 0 };
    merged.set(q.fact, { decides: sum.decides + q.decides, involved: sum.involved + q.involved });
  }
  return [...merged.entries()]
    .sort(([fa, a], [fb, b]) => b.decides - a.decides || b.involved - a.involved || fa.localeCompare(fb))
    .map(([feit, q]) => ({ feit, beslist: q.decides, speelt_mee: q.involved, omschrijving: vocabulary.facts.get(feit)?.omschrijving ?? '' }));
}

export function registerEvaluateRoutes(api: FastifyInstance, context: ServerContext): void {
  const vocabulary = context.scope.vocabulary;

  api.post('/evaluatie', async (request, reply) => {
    const format = queryValue(request.query, 'formaat') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) {
      return sendFouten(reply, 400, [apiFout(diag('WZ904', { value: format.slice(0, 80), option: 'formaat', allowed: FORMATS.join(', ') }))]);
    }
    const valid = await profileRequest(request, reply, context);
    if (!valid) return reply;
    const evaluations = await evaluateAll(valid.catalogues, valid.profile);
    if (format === 'markdown') {
      // As `wijzer evaluate --format markdown`: a side-by-side summary first when there are several regions.
      const name = (queryValue(request.query, 'naam') ?? DEFAULT_PROFILE_NAME).replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH);
      const summary = evaluations.length > 1 ? [renderComparisonMarkdown(evaluations, name)] : [];
      return reply.type('text/markdown; charset=utf-8').send(`${[...summary, ...evaluations.map((e) => renderMarkdown(e, vocabulary, name))].join('\n')}\n`);
    }
    return { evaluaties: evaluations.map((e) => evaluationWithExplanation(e, vocabulary)) };
  });

  api.post('/vragen', async (request, reply) => {
    const valid = await profileRequest(request, reply, context);
    if (!valid) return reply;
    return { vragen: mergedQuestions(await evaluateAll(valid.catalogues, valid.profile), vocabulary) };
  });
}
