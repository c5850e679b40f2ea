/**
 * Form controls for one fact, generated from the vocabulary. Two flavours:
 * - `formField`: the full form, where every fact may stay empty (onbekend): ja/nee/onbekend radios,
 *   scales as ordered radios with their toelichting, numbers with their unit, lists as checkboxes
 *   (nothing ticked = onbekend; "geen van deze" = known to be none);
 * - `questionField`: one suggested question, answered in one step (a button per value, or a
 *   number/list with "Beantwoorden"), so the page can move on to the next question.
 * Values are read from and written to the DOM by the fact's name; the caller holds the profile.
 */
import type { Feit, FactValue } from './contract.js';
import { h, words } from './dom.js';

export type Answer = (naam: string, value: FactValue | undefined) => void;

const MAX_RADIOS = 8;

function valueText(feit: Feit, label: string): string {
  return words(label);
}

function describedBy(prefix: string, feit: Feit): string {
  return `${prefix}-${feit.naam}-omschrijving`;
}

function omschrijving(prefix: string, feit: Feit): HTMLElement {
  return h('span', { class: 'omschrijving', id: describedBy(prefix, feit) }, feit.omschrijving);
}

function legendText(feit: Feit): string {
  return feit.eenheid ? `${words(feit.naam)} (${feit.eenheid})` : words(feit.naam);
}

/** Reads a fact's current value from its controls in the form. */
export function readField(root: ParentNode, prefix: string, feit: Feit): FactValue | undefined {
  const id = `${prefix}-${feit.naam}`;
  switch (feit.soort) {
    case 'getal': {
      const input = root.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`);
      if (!input || input.value.trim() === '') return undefined;
      const n = input.valueAsNumber;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'lijst': {
      const boxes = [...root.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(id)}"]`)];
      const chosen = boxes.filter((b) => b.checked && b.value !== '').map((b) => b.value);
      const none = boxes.find((b) => b.value === '')?.checked ?? false;
      return chosen.length > 0 ? chosen : none ? [] : undefined;
    }
    default: {
      const select = root.querySelector<HTMLSelectElement>(`select#${CSS.escape(id)}`);
      const raw = select ? select.value : root.querySelector<HTMLInputElement>(`input[name="${CSS.escape(id)}"]:checked`)?.value ?? '';
      if (raw === '') return undefined;
      if (feit.soort === 'ja-nee') return raw === 'ja';
      return raw;
    }
  }
}

/** Shows a value in a fact's controls (after loading a profile or answering a question). */
export function writeField(root: ParentNode, prefix: string, feit: Feit, value: FactValue | undefined): void {
  const id = `${prefix}-${feit.naam}`;
  switch (feit.soort) {
    case 'getal': {
      const input = root.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`);
      if (input) input.value = typeof value === 'number' ? String(value) : '';
      return;
    }
    case 'lijst': {
      const list = Array.isArray(value) ? value : undefined;
      for (const box of root.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(id)}"]`)) {
        box.checked = box.value === '' ? list !== undefined && list.length === 0 : (list?.includes(box.value) ?? false);
      }
      return;
    }
    default: {
      const raw = value === undefined ? '' : feit.soort === 'ja-nee' ? (value === true ? 'ja' : value === false ? 'nee' : '') : String(value);
      const select = root.querySelector<HTMLSelectElement>(`select#${CSS.escape(id)}`);
      if (select) {
        select.value = raw;
        return;
      }
      for (const radio of root.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(id)}"]`)) radio.checked = radio.value === raw;
    }
  }
}

function radio(prefix: string, feit: Feit, value: string, index: number, text: string, toelichting?: string): HTMLElement {
  const id = `${prefix}-${feit.naam}-${index}`;
  return h(
    'label',
    { for: id },
    h('input', { type: 'radio', id, name: `${prefix}-${feit.naam}`, value }),
    h('span', {}, text, toelichting ? h('span', { class: 'toelichting' }, ` — ${toelichting}`) : null),
  );
}

/** The choice values of a fact in their declared order (a scale: low to high). */
function choices(feit: Feit): readonly string[] {
  return feit.waarden ?? [];
}

/** One fact in the full form; `onAnswer` fires on every change. */
export function formField(prefix: string, feit: Feit, onAnswer: Answer): HTMLElement {
  const id = `${prefix}-${feit.naam}`;
  let field: HTMLElement;
  switch (feit.soort) {
    case 'getal': {
      const input = h('input', {
        type: 'number',
        id,
        name: id,
        inputmode: 'decimal',
        step: 'any',
        min: feit.minimum,
        max: feit.maximum,
        'aria-describedby': describedBy(prefix, feit),
      });
      field = h(
        'div',
        { class: 'feit', 'data-feit': feit.naam },
        h('label', { for: id }, h('strong', {}, words(feit.naam))),
        omschrijving(prefix, feit),
        input,
        feit.eenheid ? h('span', { class: 'eenheid' }, feit.eenheid) : null,
        h('span', { class: 'zacht' }, ' (leeg = onbekend)'),
      );
      break;
    }
    case 'ja-nee':
      field = h(
        'fieldset',
        { class: 'feit', 'data-feit': feit.naam, 'aria-describedby': describedBy(prefix, feit) },
        h('legend', {}, legendText(feit)),
        omschrijving(prefix, feit),
        h('div', { class: 'keuzes' }, radio(prefix, feit, 'ja', 0, 'ja'), radio(prefix, feit, 'nee', 1, 'nee'), radio(prefix, feit, '', 2, 'onbekend')),
      );
      break;
    case 'schaal':
    case 'keuze': {
      const values = choices(feit);
      const withNotes = values.some((v) => feit.toelichting?.[v]);
      if (feit.soort === 'keuze' && values.length > MAX_RADIOS && !withNotes) {
        field = h(
          'div',
          { class: 'feit', 'data-feit': feit.naam },
          h('label', { for: id }, h('strong', {}, words(feit.naam))),
          omschrijving(prefix, feit),
          h('select', { id, name: id, 'aria-describedby': describedBy(prefix, feit) }, h('option', { value: '' }, 'onbekend'), values.map((v) => h('option', { value: v }, valueText(feit, v)))),
        );
        break;
      }
      field = h(
        'fieldset',
        { class: 'feit', 'data-feit': feit.naam, 'aria-describedby': describedBy(prefix, feit) },
        h('legend', {}, legendText(feit), feit.soort === 'schaal' ? h('span', { class: 'zacht' }, ' (van laag naar hoog)') : null),
        omschrijving(prefix, feit),
        h(
          'div',
          { class: feit.soort === 'schaal' || withNotes ? 'schaal' : 'keuzes' },
          radio(prefix, feit, '', 0, 'onbekend'),
          values.map((v, i) => radio(prefix, feit, v, i + 1, valueText(feit, v), feit.toelichting?.[v])),
        ),
      );
      break;
    }
    case 'lijst': {
      const values = choices(feit);
      const box = (value: string, index: number, text: string, toelichting?: string) => {
        const boxId = `${id}-${index}`;
        return h(
          'label',
          { for: boxId },
          h('input', { type: 'checkbox', id: boxId, name: id, value }),
          h('span', {}, text, toelichting ? h('span', { class: 'toelichting' }, ` — ${toelichting}`) : null),
        );
      };
      field = h(
        'fieldset',
        { class: 'feit', 'data-feit': feit.naam, 'aria-describedby': describedBy(prefix, feit) },
        h('legend', {}, legendText(feit), h('span', { class: 'zacht' }, ' (niets aangevinkt = onbekend)')),
        omschrijving(prefix, feit),
        h('div', { class: 'schaal' }, values.map((v, i) => box(v, i, valueText(feit, v), feit.toelichting?.[v])), box('', values.length, 'geen van deze')),
      );
      // "geen van deze" and a value exclude each other.
      field.addEventListener('change', (event) => {
        const target = event.target as HTMLInputElement;
        if (!target.checked) return;
        for (const other of field.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(id)}"]`)) {
          if (other !== target && (target.value === '' || other.value === '')) other.checked = false;
        }
      });
      break;
    }
  }
  const fire = () => onAnswer(feit.naam, readField(field, prefix, feit));
  field.addEventListener(feit.soort === 'getal' ? 'input' : 'change', fire);
  return field;
}

/** One suggested question: answering it (one button, or a value and "Beantwoorden") calls `onAnswer` once. */
export function questionField(prefix: string, feit: Feit, onAnswer: Answer): HTMLElement {
  const id = `${prefix}-${feit.naam}`;
  switch (feit.soort) {
    case 'ja-nee':
    case 'schaal':
    case 'keuze': {
      const options: [string, FactValue, string | undefined][] =
        feit.soort === 'ja-nee' ? [['ja', true, undefined], ['nee', false, undefined]] : choices(feit).map((v) => [valueText(feit, v), v, feit.toelichting?.[v]]);
      return h(
        'div',
        { class: feit.soort === 'schaal' || options.some((o) => o[2]) ? 'schaal' : 'keuzes', role: 'group', 'aria-labelledby': `${id}-vraag` },
        options.map(([text, value, note]) => {
          const button = h('button', { type: 'button', class: 'secundair', 'data-waarde': String(value) }, text);
          button.addEventListener('click', () => onAnswer(feit.naam, value));
          return note ? h('span', {}, button, h('span', { class: 'toelichting' }, ` ${note}`)) : button;
        }),
      );
    }
    case 'getal':
    case 'lijst': {
      const form = h('form', { class: 'keuzes', 'aria-labelledby': `${id}-vraag` });
      if (feit.soort === 'getal') {
        form.append(
          h('label', { for: id, class: 'visueel-verborgen' }, `${words(feit.naam)}${feit.eenheid ? ` in ${feit.eenheid}` : ''}`),
          h('input', { type: 'number', id, name: id, step: 'any', min: feit.minimum, max: feit.maximum }),
          feit.eenheid ? h('span', { class: 'eenheid' }, feit.eenheid) : '',
        );
      } else {
        choices(feit).forEach((v, i) => {
          const boxId = `${id}-${i}`;
          form.append(h('label', { for: boxId }, h('input', { type: 'checkbox', id: boxId, name: id, value: v }), ` ${valueText(feit, v)}`));
        });
      }
      form.append(h('button', { type: 'submit' }, 'Beantwoorden'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const value = feit.soort === 'getal' ? readField(form, prefix, feit) : [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
        if (value !== undefined) onAnswer(feit.naam, value);
      });
      return form;
    }
  }
}
