/**
 * The consultant's page (/): choose regions, fill in what is known, and see the explained result
 * and the questions to ask next, updated as facts are entered. The profile lives only in this
 * page's memory: it goes to the same origin's API (never stored or logged there), into files the
 * consultant saves, and nowhere else — no localStorage, no third-party requests.
 */
import { ApiFout, evaluate, fetchCatalogi, fetchCatalogus, fetchVocabulaire, markdown, questions } from './api.js';
import type { CatalogusDetail, CatalogusKort, FactValue, Feit, Profile, Vocabulaire, Vraag } from './contract.js';
import { byId, download, fill, h, words } from './dom.js';
import { EXISTING, EXISTING_COMPLETE, existingSection } from './existing.js';
import { formField, questionField, writeField } from './fields.js';
import { ProfielLeesFout, parseProfileText, profileFromFragment, profileJson, profileYaml } from './profile-format.js';
import { renderErrors, renderEvaluation, renderFacts } from './result.js';

const DEBOUNCE_MS = 250;
const SHOWN_QUESTIONS = 5;
const FORM = 'feit';
const QUESTION = 'vraag';

interface State {
  catalogi: CatalogusKort[];
  vocabulaire: Vocabulaire;
  feiten: Map<string, Feit>;
  chosen: string[];
  profile: Profile;
  skipped: Set<string>;
  lastQuestions: Vraag[];
}

let state: State;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: AbortController | undefined;
/** After a question is answered, focus goes to the next question once the list is refreshed. */
let focusNextQuestion = false;

function say(text: string): void {
  byId('status').textContent = text;
}

function showMessages(...children: (Node | string)[]): void {
  fill(byId('meldingen'), ...children);
}

/** The facts the chosen catalogues use, in vocabulary order. */
function visibleFacts(): Feit[] {
  return state.vocabulaire.feiten.filter((f) => f.catalogi.some((c) => state.chosen.includes(c)));
}

function factOrder(): string[] {
  return state.vocabulaire.feiten.map((f) => f.naam);
}

function setFact(naam: string, value: FactValue | undefined): void {
  if (value === undefined) delete state.profile[naam];
  else state.profile[naam] = value;
}

// ------------------------------------------------------------ regions and form

function renderRegions(): void {
  const box = byId('regios');
  fill(
    box,
    state.catalogi.map((c) => {
      const id = `regio-${c.id}`;
      const input = h('input', { type: 'checkbox', id, value: c.id, checked: state.chosen.includes(c.id) });
      input.addEventListener('change', () => {
        state.chosen = state.catalogi.map((k) => k.id).filter((k) => (byId<HTMLInputElement>(`regio-${k}`).checked));
        renderForm();
        schedule();
      });
      return h('label', { for: id }, input, ` ${c.naam}`, c.organisatie ? h('span', { class: 'zacht' }, ` (${c.organisatie})`) : null);
    }),
  );
}

function updateNavLinks(): void {
  const first = state.chosen[0] ?? state.catalogi[0]?.id;
  if (!first) return;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-catalogus-link]')) link.href = `${link.dataset['catalogusLink']}${encodeURIComponent(first)}`;
}

function renderForm(): void {
  const form = byId<HTMLFormElement>('feiten');
  updateNavLinks();
  const facts = visibleFacts();
  if (facts.length === 0) {
    fill(form, h('p', { class: 'zacht' }, state.chosen.length ? 'De gekozen regio gebruikt geen feiten.' : 'Kies eerst een regio.'));
    return;
  }
  const hidden = Object.keys(state.profile).filter((k) => !facts.some((f) => f.naam === k) && k !== EXISTING && k !== EXISTING_COMPLETE);
  const existingSlot = h('div', { class: 'bestaand-plek' });
  fill(
    form,
    facts.map((feit) => {
      const field = formField(FORM, feit, (naam, value) => {
        setFact(naam, value);
        schedule();
      });
      writeField(field, FORM, feit, state.profile[feit.naam]);
      return field;
    }),
    hidden.length
      ? h('p', { class: 'zacht' }, `Ook in het profiel, niet gebruikt door de gekozen regio's: ${hidden.map(words).join(', ')}. Deze worden meegestuurd en opgeslagen.`)
      : null,
    existingSlot,
  );
  void fillExisting(existingSlot);
}

const details = new Map<string, Promise<CatalogusDetail>>();

/** The existing-indications section needs the chosen regions' products (fetched once each). */
async function fillExisting(slot: HTMLElement): Promise<void> {
  let catalogues: CatalogusDetail[];
  try {
    catalogues = await Promise.all(
      state.chosen.map((id) => {
        if (!details.has(id)) details.set(id, fetchCatalogus(id));
        return details.get(id)!;
      }),
    );
  } catch {
    for (const id of state.chosen) details.delete(id);
    return; // The section is optional; the evaluation reports real problems.
  }
  if (!slot.isConnected) return;
  fill(
    slot,
    existingSection(catalogues, { list: state.profile[EXISTING], complete: state.profile[EXISTING_COMPLETE] }, (key, value) => {
      setFact(key, value);
      schedule();
    }),
  );
}

/** Shows the whole profile in the form (after loading a file or a link, or clearing). */
function showProfile(): void {
  renderForm();
  schedule(0);
}

// ------------------------------------------------------------ evaluation

function schedule(delay = DEBOUNCE_MS): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void refresh(), delay);
}

async function refresh(): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  fill(byId('ingevuld'), renderFacts(state.profile, state.feiten));
  if (state.chosen.length === 0) {
    fill(byId('resultaat'), h('p', { class: 'zacht' }, 'Kies eerst een regio.'));
    fill(byId('vragenlijst'), h('p', { class: 'zacht' }, 'Kies eerst een regio.'));
    showMessages();
    return;
  }
  const profile = { ...state.profile };
  byId('uitkomst').setAttribute('aria-busy', 'true');
  try {
    const [evaluaties, vragen] = await Promise.all([evaluate(state.chosen, profile, controller.signal), questions(state.chosen, profile, controller.signal)]);
    if (controller.signal.aborted) return;
    showMessages();
    fill(byId('resultaat'), evaluaties.map((e) => renderEvaluation(e, state.feiten)));
    state.lastQuestions = vragen;
    renderQuestions();
    say(`Uitkomst bijgewerkt${vragen.length ? `; ${vragen.length} ${vragen.length === 1 ? 'vraag' : 'vragen'} open` : ''}.`);
  } catch (error) {
    if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
    if (error instanceof ApiFout) showMessages(h('p', {}, 'De uitkomst kan niet worden bepaald:'), renderErrors(error.fouten, state.feiten));
    else showMessages(h('p', {}, 'De server is niet bereikbaar. Het profiel is niet verloren; probeer het opnieuw.'));
    say('De uitkomst kon niet worden bijgewerkt.');
  } finally {
    if (inFlight === controller) byId('uitkomst').removeAttribute('aria-busy');
  }
}

// ------------------------------------------------------------ questions

function firstControl(element: Element | null | undefined): HTMLElement | null {
  return element?.querySelector<HTMLElement>('button, input, select') ?? null;
}

function answerQuestion(naam: string, value: FactValue | undefined): void {
  setFact(naam, value);
  const feit = state.feiten.get(naam);
  if (feit) writeField(byId('feiten'), FORM, feit, value);
  // Move on at once: the answered question leaves the list, the next one gets focus.
  const item = document.querySelector(`#vragenlijst [data-vraag="${CSS.escape(naam)}"]`);
  const next = item?.nextElementSibling ?? null;
  item?.remove();
  const target = firstControl(next);
  if (target) target.focus();
  else focusNextQuestion = true;
  schedule(0);
}

function questionItem(vraag: Vraag, feit: Feit): HTMLElement {
  const skip = h('button', { type: 'button', class: 'secundair overslaan-vraag' }, 'Sla over');
  skip.addEventListener('click', () => {
    state.skipped.add(feit.naam);
    const item = skip.closest('li');
    const next = firstControl(item?.nextElementSibling);
    renderQuestions();
    (next && document.contains(next) ? next : firstControl(document.querySelector('#vragenlijst li')))?.focus();
  });
  const counts = [vraag.beslist ? `beslist ${vraag.beslist} ${vraag.beslist === 1 ? 'product' : 'producten'}` : '', vraag.speelt_mee ? `speelt mee bij ${vraag.speelt_mee}` : ''].filter(Boolean).join(', ');
  return h(
    'li',
    { class: 'vraag', 'data-vraag': feit.naam },
    h('p', { id: `${QUESTION}-${feit.naam}-vraag` }, h('strong', {}, vraag.omschrijving || feit.omschrijving), feit.eenheid ? ` (${feit.eenheid})` : '', counts ? h('span', { class: 'telling' }, ` — ${counts}`) : null),
    questionField(QUESTION, feit, answerQuestion),
    h('p', {}, skip),
  );
}

function renderQuestions(): void {
  const box = byId('vragenlijst');
  const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('#vragenlijst [data-vraag]')?.dataset['vraag'];
  const open = state.lastQuestions.filter((v) => state.feiten.has(v.feit) && !(v.feit in state.profile));
  const shown = open.filter((v) => !state.skipped.has(v.feit)).slice(0, SHOWN_QUESTIONS);
  const skippedOpen = open.filter((v) => state.skipped.has(v.feit)).length;

  // Keep the items that stay, so a half-typed answer and the focus survive a refresh.
  const existing = new Map([...box.querySelectorAll<HTMLElement>('li[data-vraag]')].map((li) => [li.dataset['vraag']!, li]));
  let list = box.querySelector('ol');
  if (!list) {
    list = h('ol', {});
    fill(box, list);
  }
  for (const child of [...box.children]) if (child !== list) child.remove();
  const items = shown.map((v) => existing.get(v.feit) ?? questionItem(v, state.feiten.get(v.feit)!));
  items.forEach((item, i) => {
    if (list.children[i] !== item) list.insertBefore(item, list.children[i] ?? null);
  });
  for (const li of [...list.children]) if (!items.includes(li as HTMLElement)) li.remove();

  if (shown.length === 0) box.prepend(h('p', {}, open.length ? 'Alle open vragen zijn overgeslagen.' : 'Geen open vragen: de uitkomst hangt niet van ontbrekende feiten af.'));
  if (skippedOpen > 0) {
    const again = h('button', { type: 'button', class: 'secundair' }, `Overgeslagen vragen weer tonen (${skippedOpen})`);
    again.addEventListener('click', () => {
      state.skipped.clear();
      renderQuestions();
      firstControl(box.querySelector('li'))?.focus();
    });
    box.append(again);
  }

  if (focusNextQuestion) {
    focusNextQuestion = false;
    (firstControl(list.querySelector('li')) ?? byId('uitkomst-kop')).focus();
  } else if (focused && !box.contains(document.activeElement)) {
    firstControl(existing.get(focused) && document.contains(existing.get(focused)!) ? existing.get(focused) : list.querySelector('li'))?.focus();
  }
}

// ------------------------------------------------------------ files, print, links

function loadProfile(profile: Profile, from: string): void {
  state.profile = { ...profile };
  state.skipped.clear();
  showProfile();
  const unknown = Object.keys(profile).filter((k) => !state.feiten.has(k) && !state.vocabulaire.gereserveerd.includes(k));
  say(`Profiel geladen uit ${from}.`);
  if (unknown.length) showMessages(h('p', {}, `Onbekende feiten in het profiel: ${unknown.join(', ')}. De server meldt ze hieronder als fout.`));
}

function wireToolbar(): void {
  byId('opslaan-yaml').addEventListener('click', () => download('profiel.yaml', 'text/yaml;charset=utf-8', profileYaml(state.profile, factOrder())));
  byId('opslaan-json').addEventListener('click', () => download('profiel.json', 'application/json;charset=utf-8', profileJson(state.profile, factOrder())));
  const input = byId<HTMLInputElement>('laden');
  byId('laden-knop').addEventListener('click', () => input.click());
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      loadProfile(parseProfileText(await file.text()), file.name);
    } catch (error) {
      showMessages(h('p', {}, `Het profiel ${file.name} is niet te lezen: ${error instanceof ProfielLeesFout ? error.message : String(error)}`));
    }
  });
  byId('afdrukken').addEventListener('click', () => window.print());
  byId('markdown').addEventListener('click', async () => {
    if (state.chosen.length === 0) return showMessages(h('p', {}, 'Kies eerst een regio.'));
    try {
      download('uitkomst.md', 'text/markdown;charset=utf-8', await markdown(state.chosen, state.profile));
    } catch (error) {
      showMessages(h('p', {}, 'Markdown kon niet worden gemaakt:'), error instanceof ApiFout ? renderErrors(error.fouten, state.feiten) : String(error));
    }
  });
  byId('leegmaken').addEventListener('click', () => {
    state.profile = {};
    state.skipped.clear();
    showProfile();
    say('Formulier leeggemaakt.');
  });
  // On paper every explanation is open; afterwards the screen is as it was.
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
    for (const d of opened) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

/** `?catalogus=<id>` (repeatable) preselects regions; otherwise a lone catalogue is chosen. */
function initialChoice(catalogi: readonly CatalogusKort[]): string[] {
  const asked = new URLSearchParams(location.search).getAll('catalogus').filter((id) => catalogi.some((c) => c.id === id));
  if (asked.length) return asked;
  return catalogi.length === 1 ? [catalogi[0]!.id] : [];
}

async function start(): Promise<void> {
  wireToolbar();
  let catalogi: CatalogusKort[];
  let vocabulaire: Vocabulaire;
  try {
    [catalogi, vocabulaire] = await Promise.all([fetchCatalogi(), fetchVocabulaire()]);
  } catch {
    showMessages(h('p', {}, 'De catalogi en feiten konden niet worden geladen. Draait wijzer serve nog?'));
    return;
  }
  state = {
    catalogi,
    vocabulaire,
    feiten: new Map(vocabulaire.feiten.map((f) => [f.naam, f])),
    chosen: initialChoice(catalogi),
    profile: {},
    skipped: new Set(),
    lastQuestions: [],
  };
  renderRegions();
  renderForm();
  try {
    const fromLink = profileFromFragment(location.hash);
    if (fromLink) {
      // The profile came in the fragment (never sent to a server); drop it from the address bar.
      history.replaceState(null, '', location.pathname + location.search);
      loadProfile(fromLink, 'de link');
    }
  } catch (error) {
    showMessages(h('p', {}, error instanceof ProfielLeesFout ? error.message : String(error)));
  }
  document.body.dataset['klaar'] = 'ja';
  schedule(0);
}

void start();
