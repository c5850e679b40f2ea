/**
 * The one catalogue of diagnostic codes. Codes are stable: tools and tests match on them,
 * so a code is never reused for a different meaning. Messages and hints are Dutch because
 * policy advisors read them.
 */
import type { Diagnostic, Severity, Span } from './diagnostic.js';

type Params = Readonly<Record<string, string | number>>;

interface CodeDefinition {
  readonly severity: Severity;
  readonly message: (p: Params) => string;
  readonly hint?: (p: Params) => string;
}

/**
 * A parameter as shown to the user. Values echo the user's own files, so they are made safe
 * to print: control characters (and bidi overrides) are escaped rather than sent to the
 * terminal, and a long value is cut off, so a 2 MB label cannot flood the screen. Prose
 * parameters (documented choices, quotes, lists of allowed values) may be longer and keep
 * their line breaks.
 */
const PROSE = new Set(['choice', 'reason', 'finding', 'quote', 'allowed', 'labels', 'known', 'advice', 'detail', 'usage', 'chain', 'targets']);
const PATHS = new Set(['path', 'other', 'file', 'files', 'folder', 'document', 'what']);
const s = (p: Params, key: string): string => shown(String(p[key] ?? ''), PROSE.has(key), PATHS.has(key) ? 1000 : undefined);

export function shown(text: string, prose = false, limit?: number): string {
  const max = limit ?? (prose ? 2000 : 200);
  const cut = text.length > max ? `${text.slice(0, max)}… (${text.length} tekens)` : text;
  // eslint-disable-next-line no-control-regex
  return cut.replace(prose ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g : /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, escapeChar);
}

/** The same notation as the source lines of the renderer (src/diagnostics/source-line.ts). */
function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export const CODES = {
  // --- files and YAML syntax ---------------------------------------------------------------
  WZ101: { severity: 'fout', message: (p) => `Bestand of map '${s(p, 'path')}' bestaat niet.`, hint: () => 'Controleer de naam en de map; paden zijn relatief aan de map waarin u het commando geeft.' },
  WZ102: { severity: 'fout', message: (p) => `Bestand is te groot (${s(p, 'size')} bytes; maximaal ${s(p, 'max')}).`, hint: () => 'Splits het bestand op, bijvoorbeeld één product per bestand.' },
  WZ103: { severity: 'fout', message: () => 'Bestand is geen leesbare tekst (geen geldige UTF-8).', hint: () => 'Sla het bestand op als UTF-8-tekst, bijvoorbeeld in VS Code via "Save with Encoding".' },
  WZ104: { severity: 'fout', message: (p) => `YAML-fout: ${s(p, 'detail')}`, hint: () => 'Let op inspringing (spaties, geen tabs), dubbele punten na sleutels en afsluitende aanhalingstekens.' },
  WZ105: { severity: 'fout', message: (p) => `Sleutel '${s(p, 'key')}' komt twee keer voor.`, hint: () => 'Verwijder of hernoem een van beide; bij dubbele sleutels is onduidelijk welke waarde geldt.' },
  WZ106: { severity: 'fout', message: () => 'Bestand is leeg.', hint: () => 'Vul het bestand aan of verwijder het.' },
  WZ107: { severity: 'fout', message: (p) => `YAML-tag '${s(p, 'tag')}' wordt niet ondersteund.`, hint: () => 'Gebruik gewone tekst, getallen, lijsten en sleutels; tags als !!js of !include zijn niet toegestaan.' },
  WZ108: { severity: 'fout', message: () => 'Bestand bevat meer dan één YAML-document (---).', hint: () => 'Zet elk product in een eigen bestand.' },
  WZ109: { severity: 'fout', message: (p) => `Bestand kan niet gelezen worden: ${s(p, 'detail')}`, hint: () => 'Controleer of het bestand bestaat en leesbaar is.' },

  WZ110: { severity: 'fout', message: (p) => `Versie '${s(p, 'ref')}' van '${s(p, 'path')}' is niet te vinden in git: ${s(p, 'detail')}`, hint: () => 'Gebruik een bestaande commit, tag of branch, bijvoorbeeld catalogue/samen-doen@HEAD~1, in een map die onder git staat.' },
  WZ111: { severity: 'fout', message: (p) => `Regel ${s(p, 'line')} van ${s(p, 'what')} is geen geldig profiel: ${s(p, 'detail')}`, hint: () => 'Elke regel van een .jsonl-bestand is één JSON-object; een .csv heeft een kopregel met feitnamen.' },
  // reads: only regular files are read (a FIFO blocks, /dev/zero never ends)
  WZ112: { severity: 'fout', message: (p) => `'${s(p, 'path')}' is een map, geen bestand.`, hint: () => 'Geef het pad van een bestand in die map.' },
  WZ113: { severity: 'fout', message: (p) => `'${s(p, 'path')}' is een pipe (FIFO), geen gewoon bestand.`, hint: () => 'wijzer leest alleen gewone bestanden: uit een pipe kan het eindeloos wachten. Sla de invoer eerst op in een bestand.' },
  WZ114: { severity: 'fout', message: (p) => `'${s(p, 'path')}' is een apparaat (zoals /dev/zero), geen gewoon bestand.`, hint: () => 'wijzer leest alleen gewone bestanden; een apparaat kan eindeloos gegevens leveren. Geef het pad van een bestand.' },
  WZ115: { severity: 'fout', message: (p) => `'${s(p, 'path')}' is een socket, geen gewoon bestand.`, hint: () => 'wijzer leest alleen gewone bestanden. Geef het pad van een bestand.' },
  WZ116: { severity: 'fout', message: (p) => `'${s(p, 'path')}' is een symbolische koppeling die in een kring naar zichzelf verwijst.`, hint: () => 'Laat de koppeling naar een bestaand bestand wijzen (ls -l toont waarheen hij wijst).' },
  WZ117: { severity: 'fout', message: (p) => `Geen toestemming om '${s(p, 'path')}' te lezen.`, hint: () => 'Controleer de bestandsrechten (ls -l), of kopieer het bestand naar een map van uzelf.' },
  WZ118: { severity: 'fout', message: (p) => `'${s(p, 'path')}' bestaat niet: een deel van het pad is een bestand, geen map.`, hint: () => 'Controleer het pad: alleen het laatste deel mag een bestand zijn.' },
  WZ119: { severity: 'fout', message: (p) => `Het pad '${s(p, 'path')}' is te lang.`, hint: () => 'Gebruik een korter pad, bijvoorbeeld door eerst naar de map te gaan (cd).' },
  // outputs: a command writes only what it set out to write, never into its own input
  WZ120: { severity: 'fout', message: (p) => `Uitvoer '${s(p, 'output')}'${p['via'] ? ` (via een koppeling: '${s(p, 'via')}')` : ''} ${s(p, 'relation')} invoer '${s(p, 'input')}'; wijzer schrijft niet in wat het leest.`, hint: () => 'Kies een uitvoerpad buiten de catalogus, de regels en de invoerbestanden, bijvoorbeeld out/regels.json.' },
  WZ121: { severity: 'fout', message: (p) => `Kan '${s(p, 'path')}' niet schrijven: ${s(p, 'detail')}.`, hint: () => 'Kies een bestand in een schrijfbare map met vrije ruimte; een bestaande map, of een pad onder een gewoon bestand, kan geen uitvoerbestand zijn.' },
  // wijzer fmt: rewrites files in place, so it says which files it leaves alone and why
  WZ122: { severity: 'fout', message: (p) => `'${s(p, 'path')}' is geen YAML-bestand; wijzer fmt maakt alleen .yaml- en .yml-bestanden op.`, hint: () => 'Geef een catalogus-, feiten-, definitie-, testcasus- of profielbestand (.yaml), of een map waarin die staan.' },
  WZ123: { severity: 'fout', message: (p) => `wijzer fmt kan dit bestand niet veilig opmaken (${s(p, 'detail')}); het is niet gewijzigd.`, hint: () => 'Dit is een fout in wijzer, niet in uw bestand. Meld het met het bestand erbij; tot die tijd blijft het bestand zoals u het schreef.' },

  // --- structure (JSON Schema) -------------------------------------------------------------
  WZ201: { severity: 'fout', message: (p) => `Onbekende eigenschap '${s(p, 'key')}' in ${s(p, 'path')}.`, hint: (p) => `Toegestaan zijn: ${s(p, 'allowed')}.${p['suggestion'] ? ` Bedoelt u '${s(p, 'suggestion')}'?` : ''}` },
  WZ202: { severity: 'fout', message: (p) => `Verplichte eigenschap '${s(p, 'key')}' ontbreekt in ${s(p, 'path')}.`, hint: (p) => `Voeg '${s(p, 'key')}:' toe.` },
  WZ203: { severity: 'fout', message: (p) => `${s(p, 'path')} moet ${s(p, 'expected')} zijn.`, hint: () => 'Kijk in de auteursgids (docs/auteursgids.md) welke vorm hier verwacht wordt.' },
  WZ204: { severity: 'fout', message: (p) => `Waarde '${s(p, 'value')}' is niet toegestaan in ${s(p, 'path')}.`, hint: (p) => `Kies een van: ${s(p, 'allowed')}.` },
  WZ205: { severity: 'fout', message: (p) => `${s(p, 'path')}: ${s(p, 'detail')}`, hint: () => 'Kijk in de auteursgids (docs/auteursgids.md) welke vorm hier verwacht wordt.' },

  // --- catalogue semantics -----------------------------------------------------------------
  WZ301: { severity: 'fout', message: (p) => `Product-id '${s(p, 'id')}' is al gebruikt in ${s(p, 'other')}.`, hint: () => 'Geef elk product in een catalogus een eigen id.' },
  WZ302: { severity: 'fout', message: (p) => `Productcode '${s(p, 'code')}' heeft niet de vorm van een iStandaarden-productcode.`, hint: () => 'Een productcode is 2 cijfers, 1 letter en 2 cijfers, bijvoorbeeld 02A04.' },
  WZ303: { severity: 'fout', message: (p) => `Productcode '${s(p, 'code')}' valt in categorie ${s(p, 'category')}, die niet bestaat voor ${s(p, 'domain')}.`, hint: (p) => `Bekende categorieën voor ${s(p, 'domain')}: ${s(p, 'allowed')}.` },
  WZ304: { severity: 'fout', message: (p) => `Verwijzing naar onbekend product '${s(p, 'id')}'.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Gebruik het id van een product in deze catalogus.') },
  WZ305: { severity: 'fout', message: (p) => `De functiemix telt op tot ${s(p, 'sum')}% in plaats van 100%.`, hint: () => 'Pas de percentages aan zodat ze samen 100 zijn.' },
  WZ306: { severity: 'fout', message: (p) => `Productcode '${s(p, 'code')}' wordt ook gebruikt door product '${s(p, 'other')}'${p['file'] ? ` (${s(p, 'file')})` : ''}.`, hint: () => 'Binnen één regio hoort een productcode bij één product.' },
  WZ307: { severity: 'fout', message: (p) => `De catalogusmap '${s(p, 'path')}' heeft geen regio.yaml.`, hint: () => 'Maak een regio.yaml met naam, organisatie, bron, geldig_vanaf en domeinen.' },
  WZ308: { severity: 'fout', message: (p) => `De catalogusmap '${s(p, 'path')}' bevat geen producten.`, hint: () => 'Zet elk product als .yaml-bestand in de submap producten/.' },
  WZ309: { severity: 'fout', message: (p) => `Familie '${s(p, 'family')}' heeft niveau ${s(p, 'level')}${p['variant'] ? ` (${s(p, 'variant')})` : ''} al bij product '${s(p, 'other')}'.`, hint: () => 'Geef elk product binnen een familie een eigen combinatie van niveau en variant.' },
  WZ310: { severity: 'info', message: (p) => `Gedocumenteerde keuze: ${s(p, 'subject')}`, hint: (p) => s(p, 'choice') },
  WZ311: { severity: 'waarschuwing', message: (p) => `Product '${s(p, 'id')}' heeft geen voorwaarden en past dus bij iedereen.`, hint: () => 'Voeg onder indicatie.voorwaarden minstens één voorwaarde toe.' },
  WZ312: { severity: 'fout', message: (p) => `Product '${s(p, 'id')}' verwijst naar zichzelf.`, hint: () => 'Een product kan niet zijn eigen vervolg of combinatie zijn.' },
  WZ313: { severity: 'waarschuwing', message: (p) => `Productcode '${s(p, 'code')}' is voor ${s(p, 'domain')}, maar de regio noemt alleen ${s(p, 'domains')}.`, hint: () => 'Voeg het domein toe aan regio.yaml of verwijder de code.' },
  WZ314: { severity: 'fout', message: (p) => `Definitie '${s(p, 'name')}' is al gedefinieerd in ${s(p, 'other')}.`, hint: () => 'Geef elke definitie een eigen naam.' },
  WZ316: { severity: 'fout', message: (p) => `Clausule-id '${s(p, 'id')}' komt twee keer voor in product '${s(p, 'product')}'.`, hint: () => 'Geef elke voorwaarde, uitsluiting, kenmerk en limiet binnen een product een eigen id.' },
  WZ317: { severity: 'waarschuwing', message: (p) => `Voorwaarde '${s(p, 'id')}' citeert een mogelijkheid of voorbeeld ('${s(p, 'marker')}'), geen criterium.`, hint: () => 'Maak er een kenmerk van (indicatie.kenmerken), of leg met keuze: uit waarom deze zin toch een voorwaarde is.' },
  WZ318: { severity: 'fout', message: (p) => `Limiet '${s(p, 'id')}' kan niet getoetst worden: ${s(p, 'detail')}.`, hint: () => 'Geef een maximum of minimum ({ aantal, eenheid }) en een feit (getal) met een eenheid die daarnaar om te rekenen is, bijvoorbeeld feit: gevraagde_indicatieduur_maanden.' },
  WZ319: { severity: 'fout', message: (p) => `Familie '${s(p, 'id')}' in regio.yaml komt bij geen enkel product voor.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Gebruik de familie-naam zoals die in de producten staat (familie:).') },
  WZ320: { severity: 'fout', message: (p) => `Verwijzing naar onbekende familie '${s(p, 'id')}'.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Gebruik de familie-naam zoals die in de producten staat (familie:).') },
  WZ315: { severity: 'fout', message: (p) => `Naam '${s(p, 'name')}' wordt zowel als feit als als definitie gebruikt.`, hint: () => 'Hernoem de definitie; feiten en definities delen één naamruimte.' },

  // --- a provider's offer against the catalogue (wijzer aanbieder) ------------------------
  WZ330: { severity: 'fout', message: (p) => `Wie ${s(p, 'product')} biedt, moet ook ${s(p, 'missing')} bieden; dat ontbreekt in het aanbod.`, hint: (p) => `Voeg ${s(p, 'missing')} toe aan het aanbod of bied ${s(p, 'product')} niet aan. Bron: "${s(p, 'quote')}"` },
  WZ331: { severity: 'fout', message: (p) => `Wie een niveau van ${s(p, 'family')} biedt, moet alle niveaus bieden; ${s(p, 'missing')} ${p['count'] === 1 ? 'ontbreekt' : 'ontbreken'}.`, hint: (p) => `Voeg de ontbrekende niveaus toe aan het aanbod. Bron: "${s(p, 'quote')}"` },
  WZ332: { severity: 'fout', message: (p) => `'${s(p, 'entry')}' is geen product-id of productcode van ${s(p, 'catalogue')}.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Gebruik het id of de productcode zoals wijzer evaluate of de catalogus die toont.') },

  // --- dates and versions (geldig_vanaf / geldig_tot, --peildatum) ---------------------------
  WZ340: { severity: 'fout', message: (p) => `'${s(p, 'value')}' bij ${s(p, 'field')} is geen bestaande datum.`, hint: () => 'Schrijf een datum als JJJJ-MM-DD (bijvoorbeeld 2027-01-01), of onbekend als het brondocument geen datum noemt.' },
  WZ341: { severity: 'fout', message: (p) => `geldig_tot (${s(p, 'tot')}) ligt vóór geldig_vanaf (${s(p, 'vanaf')})${p['what'] ? ` bij ${s(p, 'what')}` : ''}.`, hint: () => 'geldig_tot is de laatste geldige dag (tot en met); hij kan niet vóór geldig_vanaf liggen.' },
  WZ342: { severity: 'waarschuwing', message: (p) => `${s(p, 'field')} van ${s(p, 'what')} is onbekend.`, hint: () => 'Op een peildatum telt een onbekende datum als onbegrensd. Neem de datum uit het brondocument over zodra die bekend is.' },
  WZ343: { severity: 'fout', message: (p) => `Productcode '${s(p, 'code')}': de geldigheid van '${s(p, 'id')}' (${s(p, 'period')}) overlapt met die van '${s(p, 'other')}' in ${s(p, 'file')} (${s(p, 'otherPeriod')}).`, hint: () => 'Twee versies van één product mogen niet tegelijk gelden: laat de oude eindigen (geldig_tot) op de dag vóór de nieuwe begint (geldig_vanaf).' },
  WZ344: { severity: 'waarschuwing', message: (p) => `Productcode '${s(p, 'code')}': tussen '${s(p, 'other')}' in ${s(p, 'file')} (tot en met ${s(p, 'tot')}) en '${s(p, 'id')}' (vanaf ${s(p, 'vanaf')}) geldt geen versie van dit product.`, hint: () => 'Laat de nieuwe versie beginnen op de dag na de laatste geldige dag van de oude, of bedoel het gat.' },
  WZ345: { severity: 'fout', message: (p) => `Ongeldige peildatum '${s(p, 'value')}' (${s(p, 'option')}).`, hint: (p) => `Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld ${s(p, 'option')} 2026-03-01.` },

  // --- criteria DSL syntax -----------------------------------------------------------------
  WZ401: { severity: 'fout', message: (p) => `Onbekend teken '${s(p, 'text')}' in de voorwaarde.`, hint: () => 'Gebruik namen met kleine letters, cijfers en _, vergelijkingen als >=, <=, =, en woorden als en, of, niet, is, in, tussen, bevat, aantal.' },
  WZ402: { severity: 'fout', message: (p) => `Onverwacht '${s(p, 'found')}' in de voorwaarde.`, hint: (p) => `Hier werd ${s(p, 'expected')} verwacht.` },
  WZ403: { severity: 'fout', message: () => 'De voorwaarde houdt te vroeg op.', hint: (p) => `Hier werd nog ${s(p, 'expected')} verwacht.` },
  WZ405: { severity: 'fout', message: (p) => `De voorwaarde is te ${s(p, 'what')} (maximaal ${s(p, 'max')}).`, hint: () => 'Splits de voorwaarde op in meerdere voorwaarden of in benoemde definities (rules/definities/).' },
  WZ404: { severity: 'fout', message: () => 'De voorwaarde is leeg.', hint: () => 'Schrijf een voorwaarde, bijvoorbeeld: problematiek is licht' },

  // --- type checking against the vocabulary -----------------------------------------------
  WZ501: { severity: 'fout', message: (p) => `Onbekend feit '${s(p, 'name')}'.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'? Feiten staan in rules/feiten/.` : 'Voeg het feit toe in rules/feiten/ of gebruik een bestaand feit.') },
  WZ502: { severity: 'fout', message: (p) => `'${s(p, 'label')}' is geen waarde van ${s(p, 'fact')}.`, hint: (p) => `Mogelijke waarden van ${s(p, 'fact')}: ${s(p, 'labels')}.${p['suggestion'] ? ` Bedoelt u '${s(p, 'suggestion')}'?` : ''}` },
  WZ503: { severity: 'fout', message: (p) => `${s(p, 'fact')} is ${s(p, 'type')} en kan niet vergeleken worden met ${s(p, 'got')}.`, hint: (p) => s(p, 'advice') },
  WZ504: { severity: 'fout', message: (p) => `'${s(p, 'op')}' kan niet gebruikt worden bij ${s(p, 'fact')} (${s(p, 'type')}).`, hint: (p) => s(p, 'advice') },
  WZ505: { severity: 'fout', message: (p) => `Eenheid '${s(p, 'unit')}' past niet bij ${s(p, 'fact')} (in ${s(p, 'expected')}).`, hint: (p) => `Schrijf de waarde in ${s(p, 'expected')} of laat de eenheid weg.` },
  WZ506: { severity: 'fout', message: (p) => `'${s(p, 'name')}' is geen ja/nee-feit en geen definitie, dus kan niet op zichzelf staan.`, hint: (p) => `Vergelijk het met een waarde, bijvoorbeeld: ${s(p, 'name')} is ${s(p, 'example')}` },
  WZ507: { severity: 'fout', message: (p) => `Definitie '${s(p, 'name')}' verwijst (via ${s(p, 'chain')}) naar zichzelf.`, hint: () => 'Haal de kringverwijzing weg.' },
  WZ508: { severity: 'fout', message: (p) => `In 'tussen ${s(p, 'low')} en ${s(p, 'high')}' is de ondergrens groter dan de bovengrens.`, hint: () => 'Draai de grenzen om.' },
  WZ509: { severity: 'waarschuwing', message: (p) => `Deze vergelijking is altijd ${s(p, 'value')}: ${s(p, 'text')}.`, hint: () => 'Controleer de grens; een voorwaarde die altijd of nooit geldt zegt niets.' },
  WZ510: { severity: 'fout', message: (p) => `Het getal ${s(p, 'literal')} is te groot: wijzer legt getallen tot ${s(p, 'max')} exact vast.`, hint: (p) => `Gebruik een grens tussen -${s(p, 'max')} en ${s(p, 'max')}; het bereik van elk feit (minimum, maximum) staat in rules/feiten/.` },
  WZ511: { severity: 'fout', message: (p) => `Het getal ${s(p, 'literal')} heeft te veel cijfers om exact vast te leggen: het zou ${s(p, 'value')} worden.`, hint: (p) => `Schrijf ${s(p, 'value')}, of rond het getal af op minder cijfers.` },
  WZ512: { severity: 'waarschuwing', message: (p) => `Het getal ${s(p, 'value')} ligt buiten het bereik van ${s(p, 'fact')} (${s(p, 'range')}).`, hint: (p) => `Een profiel heeft voor ${s(p, 'fact')} altijd een waarde ${s(p, 'range')}, dus deze grens zegt niets. Controleer de grens, of pas minimum en maximum van het feit aan in rules/feiten/.` },
  WZ513: { severity: 'fout', message: (p) => `Een aantal is een heel getal, geen ${s(p, 'value')}.`, hint: (p) => `Schrijf een heel getal, bijvoorbeeld: aantal ${s(p, 'fact')} ${s(p, 'op')} ${s(p, 'suggestion')}.` },

  // --- fact vocabulary ---------------------------------------------------------------------
  WZ610: { severity: 'fout', message: (p) => `'${s(p, 'name')}' is een definitie (${s(p, 'text')}): die geldt of geldt niet, en is niet met een waarde te vergelijken.`, hint: (p) => `Gebruik de definitie op zichzelf (${s(p, 'name')}, of niet ${s(p, 'name')}), of vergelijk de feiten waarop zij steunt.` },
  WZ611: { severity: 'fout', message: (p) => `Familie '${s(p, 'id')}' in analyse.yaml komt bij geen enkel product van deze catalogus voor.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Gebruik de familie-naam zoals die in de producten staat (familie:).') },
  WZ601: { severity: 'fout', message: (p) => `Waarde '${s(p, 'label')}' staat twee keer bij feit '${s(p, 'fact')}'.`, hint: () => 'Elke waarde van een schaal of keuzelijst komt één keer voor.' },
  WZ602: { severity: 'fout', message: (p) => `'${s(p, 'name')}' is een gereserveerd woord en kan geen naam of waarde zijn.`, hint: () => 'Gereserveerd zijn: en, of, niet, is, in, tussen, bevat, aantal, ja, nee, minimaal, maximaal.' },
  WZ604: { severity: 'fout', message: (p) => `Feit '${s(p, 'fact')}' is al gedeclareerd in ${s(p, 'other')}.`, hint: () => 'Elk feit wordt één keer gedeclareerd; gebruik het bestaande feit of kies een andere naam.' },
  WZ605: { severity: 'fout', message: (p) => `De map '${s(p, 'path')}' bevat geen feiten.`, hint: () => 'Zet de feiten in rules/feiten/*.yaml.' },
  WZ606: { severity: 'fout', message: (p) => `Definitie '${s(p, 'name')}' is te diep genest: ${s(p, 'what')} (maximaal ${s(p, 'max')}), via ${s(p, 'chain')}.`, hint: () => 'Een definitie wordt overal waar zij genoemd wordt helemaal uitgeschreven. Schrijf de keten korter: laat een definitie direct de feiten noemen in plaats van weer een andere definitie.' },
  WZ607: { severity: 'fout', message: (p) => `Definitie '${s(p, 'name')}' wordt uitgeschreven te groot: ${s(p, 'size')} vergelijkingen (maximaal ${s(p, 'max')}), via ${s(p, 'chain')}.`, hint: () => 'Een definitie wordt overal waar zij genoemd wordt helemaal uitgeschreven; wie een andere definitie twee keer noemt, verdubbelt haar. Noem elke definitie één keer, of splits de voorwaarde op.' },
  WZ608: { severity: 'fout', message: (p) => `Deze voorwaarde wordt met haar definities uitgeschreven te groot: ${s(p, 'size')} vergelijkingen (maximaal ${s(p, 'max')}), via ${s(p, 'chain')}.`, hint: () => 'De regels voor json-rules-engine schrijven elke definitie helemaal uit. Splits de voorwaarde op in meerdere voorwaarden, of noem een definitie minder vaak.' },
  WZ609: { severity: 'fout', message: (p) => `Definitie '${s(p, 'name')}' kan hier niet uitgeschreven worden: ${s(p, 'reason')}.`, hint: () => 'Los eerst de fout bij die definitie in rules/definities/ op.' },
  WZ603: { severity: 'fout', message: (p) => `Feit '${s(p, 'fact')}': minimum ${s(p, 'min')} is groter dan maximum ${s(p, 'max')}.`, hint: () => 'Draai minimum en maximum om.' },

  // --- analysis (wijzer analyse) ----------------------------------------------------------
  WZ650: { severity: 'waarschuwing', message: (p) => `Gat in familie '${s(p, 'family')}': bij dit profiel past geen enkel niveau.`, hint: () => 'Vul de familie aan, pas de voorwaarden aan, of erken het gat in analyse.yaml met een reden. Het tegenvoorbeeld laat één zo\'n inwoner zien.' },
  WZ651: { severity: 'waarschuwing', message: (p) => `Overlap: '${s(p, 'a')}' en '${s(p, 'b')}' passen allebei bij hetzelfde profiel.`, hint: () => 'Maak de voorwaarden wederzijds uitsluitend, of leg het beleid van de familie vast in analyse.yaml (beleid: meerdere-toegestaan).' },
  WZ652: { severity: 'waarschuwing', message: (p) => `Product '${s(p, 'id')}' kan nooit passen: zijn voorwaarden en uitsluitingen sluiten elkaar uit.`, hint: () => 'Controleer de voorwaarden op tegenstrijdigheden.' },
  WZ653: { severity: 'waarschuwing', message: (p) => `Clausule '${s(p, 'clause')}' van '${s(p, 'id')}' kan nooit gelden.`, hint: () => 'Controleer de waarden en grenzen in deze voorwaarde.' },
  WZ654: { severity: 'waarschuwing', message: (p) => `Uitsluiting '${s(p, 'clause')}' van '${s(p, 'id')}' kan nooit van toepassing zijn bij een inwoner die aan de voorwaarden voldoet.`, hint: () => 'De uitsluiting is dan overbodig; verwijder haar of controleer de voorwaarden.' },
  WZ655: { severity: 'waarschuwing', message: (p) => `'${s(p, 'id')}' is alleen mogelijk in combinatie met producten die nooit kunnen passen (${s(p, 'targets')}).`, hint: () => 'Controleer de combinatie-eis of de voorwaarden van die producten.' },
  WZ656: { severity: 'info', message: (p) => `Feit '${s(p, 'name')}' wordt door geen enkele catalogus gebruikt.`, hint: () => 'Verwijder het feit of gebruik het in een voorwaarde.' },
  WZ657: { severity: 'info', message: (p) => `Definitie '${s(p, 'name')}' wordt door geen enkele catalogus gebruikt.`, hint: () => 'Verwijder de definitie of gebruik haar in een voorwaarde.' },
  WZ658: { severity: 'info', message: (p) => `Product '${s(p, 'id')}' is via geen enkel vervolg te bereiken.`, hint: () => 'Alleen een punt van aandacht: is dit een instapproduct, of ontbreekt er een vervolg naar dit product?' },
  WZ659: { severity: 'info', message: (p) => `Erkend (${s(p, 'key')}): ${s(p, 'reason')}`, hint: (p) => s(p, 'finding') },
  WZ660: { severity: 'waarschuwing', message: (p) => `Erkenning '${s(p, 'key')}' hoort bij geen enkele bevinding (meer).`, hint: () => 'Verwijder de erkenning uit analyse.yaml, of controleer de sleutel.' },

  // --- client profiles ---------------------------------------------------------------------
  WZ701: { severity: 'fout', message: (p) => `Onbekend feit '${s(p, 'name')}' in het profiel.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Zie rules/feiten/ voor de feiten die een profiel kan bevatten.') },
  WZ702: { severity: 'fout', message: (p) => `Feit '${s(p, 'fact')}' moet ${s(p, 'expected')} zijn.`, hint: (p) => s(p, 'advice') },
  WZ703: { severity: 'fout', message: (p) => `'${s(p, 'value')}' is geen waarde van ${s(p, 'fact')}.`, hint: (p) => `Mogelijke waarden: ${s(p, 'labels')}.${p['suggestion'] ? ` Bedoelt u '${s(p, 'suggestion')}'?` : ''}` },
  WZ704: { severity: 'fout', message: (p) => `Feit '${s(p, 'fact')}' is ${s(p, 'value')}, maar moet tussen ${s(p, 'min')} en ${s(p, 'max')} liggen.`, hint: () => 'Controleer de waarde.' },
  WZ705: { severity: 'fout', message: () => 'Een profiel bestaat uit feiten met hun waarde (feit: waarde), niet uit een lijst of losse tekst.', hint: () => 'Zet elk feit op een eigen regel, zonder streepje ervoor. Bijvoorbeeld:\n  leeftijd: 45\n  problematiek: licht' },
  WZ706: { severity: 'fout', message: (p) => `'${s(p, 'value')}' staat twee keer in ${s(p, 'fact')}.`, hint: () => 'Noem elke waarde één keer.' },
  WZ710: { severity: 'fout', message: (p) => `En nog ${s(p, 'count')} onbekende feiten in het profiel (de eerste ${s(p, 'shown')} staan hierboven).`, hint: () => 'Is dit wel een profiel? Zie rules/feiten/ voor de feiten die een profiel kan bevatten.' },

  WZ707: { severity: 'waarschuwing', message: (p) => `Bestaande indicatie '${s(p, 'id')}' is geen product van de gekozen catalogi en telt niet mee.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Gebruik het id van een product, zoals wijzer evaluate het toont.') },

  // --- populations (wijzer impact) and .json profiles --------------------------------------
  WZ720: { severity: 'fout', message: (p) => `De populatie bevat geen ${s(p, 'what')}.`, hint: () => 'Een lege populatie zegt niets over de gevolgen van een wijziging. Geef een .jsonl-bestand met één profiel per regel, een .csv-bestand met een kopregel en minstens één rij, of een map met profielbestanden.' },
  WZ721: { severity: 'fout', message: (p) => `Te veel ongeldige profielen: ${s(p, 'invalid')} van de ${s(p, 'read')} gelezen (toegestaan: ${s(p, 'allowed')}).`, hint: () => 'Verbeter de gemelde regels, of sta er meer toe met --max-ongeldig (een aantal, of een percentage zoals 5%).' },
  WZ722: { severity: 'waarschuwing', message: (p) => `${s(p, 'invalid')} ongeldige profielen overgeslagen; de impact gaat over de ${s(p, 'valid')} geldige.`, hint: (p) => `${s(p, 'shown')} daarvan staan hierboven. Met --max-ongeldig 0 stopt wijzer bij het eerste ongeldige profiel.` },
  WZ723: { severity: 'fout', message: (p) => `Kolom '${s(p, 'name')}' staat twee keer in de kopregel.`, hint: () => 'Elke kolom is één feit; verwijder of hernoem een van beide, anders is onduidelijk welke waarde geldt.' },
  WZ724: { severity: 'fout', message: (p) => `Kolom ${s(p, 'column')} van de kopregel heeft geen naam.`, hint: () => 'Geef elke kolom de naam van een feit (zie rules/feiten/), of verwijder de lege kolom; let op een komma of puntkomma aan het eind van de kopregel.' },
  WZ725: { severity: 'fout', message: (p) => `JSON-fout: ${s(p, 'detail')}`, hint: () => 'Een .json-profiel is strikte JSON: geen komma na het laatste element, geen commentaar, namen en tekst tussen dubbele aanhalingstekens. Wilt u dat wel, sla het profiel dan op als .yaml.' },
  WZ726: { severity: 'fout', message: (p) => `De CSV is vanaf regel ${s(p, 'line')} niet te lezen: ${s(p, 'detail')}.`, hint: () => 'Een veld dat met " begint, eindigt met "; een " binnen zo\'n veld schrijft u als "". Na een fout in de aanhalingstekens is niet meer te zeggen waar een rij eindigt, daarom stopt wijzer hier.' },

  // --- golden cases and source quotes ------------------------------------------------------
  WZ801: { severity: 'fout', message: () => 'Deze testcasus controleert niets.', hint: () => 'Vul onder verwacht minstens één product of familie in.' },
  WZ802: { severity: 'fout', message: (p) => `Testcasus verwacht iets van onbekend product of familie '${s(p, 'id')}'.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : 'Gebruik een id uit de catalogus.') },
  WZ803: { severity: 'fout', message: (p) => `Catalogus '${s(p, 'name')}' van deze testcasus bestaat niet.`, hint: () => 'Zet de testcasus in test/golden/<catalogusnaam>/.' },
  WZ804: { severity: 'fout', message: (p) => `Citaat niet gevonden in ${s(p, 'document')}: "${s(p, 'quote')}"`, hint: () => 'Neem de zin letterlijk over uit het brondocument (hoofdletters en leestekens tellen mee; witruimte niet).' },
  WZ805: { severity: 'fout', message: (p) => `Brondocument '${s(p, 'document')}' niet gevonden in ${s(p, 'folder')}.`, hint: () => 'Controleer bron.document in regio.yaml en de map die u met --bronnen opgeeft.' },
  WZ806: { severity: 'fout', message: (p) => `Verwachte clausule '${s(p, 'clause')}' bestaat niet bij product '${s(p, 'id')}'.`, hint: (p) => `Clausules van dit product: ${s(p, 'known')}.` },

  WZ807: { severity: 'fout', message: () => 'Een testcasus heeft precies één van profiel (een inwoner) of aanbod (een aanbieder).', hint: () => 'Schrijf profiel: { … } voor een beoordeling, of aanbod: [product-ids] voor een toets van het aanbod van een aanbieder.' },

  // --- command line usage ------------------------------------------------------------------
  WZ901: { severity: 'fout', message: (p) => `Onbekend commando '${s(p, 'name')}'.`, hint: (p) => `${p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'? ` : ''}Beschikbaar: ${s(p, 'known')}. Zie: wijzer help` },
  WZ902: { severity: 'fout', message: (p) => `Ontbrekend argument: ${s(p, 'what')}.`, hint: (p) => `Gebruik: ${s(p, 'usage')}` },
  WZ903: { severity: 'fout', message: (p) => `Onbekende optie '${s(p, 'option')}'.`, hint: (p) => `${p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'? ` : ''}Gebruik: ${s(p, 'usage')}` },
  WZ916: { severity: 'fout', message: (p) => `Optie ${s(p, 'option')} heeft een waarde nodig.`, hint: (p) => `Schrijf de waarde direct na de optie, bijvoorbeeld: ${s(p, 'option')} <waarde>. Gebruik: ${s(p, 'usage')}` },
  WZ917: { severity: 'fout', message: (p) => `Ongeldige waarde '${s(p, 'value')}' voor ${s(p, 'option')}: verwacht ${s(p, 'expected')}.`, hint: () => 'Schrijf alleen cijfers, zonder teken, exponent of 0x (bijvoorbeeld 1000); een kommagetal, waar dat mag, met een punt (0.5).' },
  WZ919: { severity: 'fout', message: (p) => `De map met brondocumenten '${s(p, 'path')}' bestaat niet${s(p, 'detail')}.`, hint: () => 'Geef met --bronnen de map waarin de brondocumenten staan (bron.document in regio.yaml), of laat --bronnen weg om de citaten niet te controleren.' },
  WZ920: { severity: 'fout', message: (p) => `--bronnen '${s(p, 'path')}' is een bestand, geen map.`, hint: () => 'Geef de map waarin het brondocument staat, niet het document zelf; wijzer zoekt daarin de naam uit bron.document van regio.yaml.' },
  WZ921: { severity: 'fout', message: (p) => `--bronnen '${s(p, 'path')}' is een kring van symbolische koppelingen die naar elkaar verwijzen.`, hint: () => 'Herstel de koppeling (ls -l toont waar zij heen wijst) of geef de echte map met brondocumenten.' },
  WZ922: { severity: 'info', message: (p) => `De citaten zijn niet gecontroleerd: ${s(p, 'reason')}.`, hint: () => 'Geef --bronnen <map> met de brondocumenten mee om te controleren dat elk citaat letterlijk in zijn bron staat.' },
  WZ923: { severity: 'fout', message: (p) => `De catalogus of map met catalogi '${s(p, 'path')}' bestaat niet of is geen map.`, hint: () => 'Geef met --catalogue een catalogus (een map met regio.yaml) of de map waarin de catalogi staan (standaard catalogue/); de casussen in test/golden/<naam>/ horen bij de catalogus <naam>.' },
  WZ924: { severity: 'fout', message: (p) => `Geen testcasussen gevonden in ${s(p, 'path')} voor de gekozen catalogi.`, hint: () => 'Een testcasus staat in <map met testcasussen>/<catalogusnaam>/<casus>.yaml, bijvoorbeeld test/golden/samen-doen/ib1-lichte-hulpvraag.yaml.' },
  WZ925: { severity: 'fout', message: (p) => `Versie '${s(p, 'ref')}' van '${s(p, 'path')}' is met deze wijzer niet te laden; de fouten met '${s(p, 'ref')}:' ervoor staan in die versie, niet in uw werkmap.`, hint: () => 'Kies een latere versie (git log -- <catalogus> toont de versies), of vergelijk met een map. Een versie van vóór de huidige indeling van rules/ of de catalogus kan wijzer niet lezen.' },
  WZ918: { severity: 'fout', message: (p) => `Optie ${s(p, 'option')} neemt geen waarde.`, hint: (p) => `Schrijf alleen ${s(p, 'option')}. Gebruik: ${s(p, 'usage')}` },
  WZ905: { severity: 'fout', message: () => 'De invoer stopte voordat elke familie beslist was.', hint: () => 'Beantwoord de vragen tot wijzer de uitkomst toont, of geef een vollediger profiel mee.' },
  WZ906: { severity: 'fout', message: (p) => `De server kan niet starten op ${s(p, 'address')} (${s(p, 'detail')}).`, hint: () => 'Kies een andere poort met --port, of stop het programma dat deze poort gebruikt.' },
  WZ904: { severity: 'fout', message: (p) => `Ongeldige waarde '${s(p, 'value')}' voor ${s(p, 'option')}.`, hint: (p) => `Kies een van: ${s(p, 'allowed')}.` },

  // --- JSON API (wijzer serve) ---------------------------------------------------------------
  WZ907: { severity: 'fout', message: () => 'De aanvraag is geen geldige JSON.', hint: () => 'Stuur één JSON-object met de kop Content-Type: application/json, bijvoorbeeld {"leeftijd": 45, "problematiek": "licht"}.' },
  WZ908: { severity: 'fout', message: (p) => `Inhoudstype '${s(p, 'type')}' wordt niet ondersteund.`, hint: () => 'Stuur het profiel als JSON met de kop Content-Type: application/json.' },
  WZ909: { severity: 'fout', message: (p) => `De aanvraag is te groot (maximaal ${s(p, 'max')} bytes).`, hint: () => 'Een profiel is enkele kilobytes: stuur alleen de feiten van één inwoner.' },
  WZ910: { severity: 'fout', message: (p) => `Onbekende catalogus '${s(p, 'id')}'.`, hint: (p) => `${p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'? ` : ''}Beschikbaar: ${s(p, 'known')}.` },
  WZ911: { severity: 'fout', message: (p) => `Onbekend product '${s(p, 'id')}' in catalogus '${s(p, 'catalogue')}'.`, hint: (p) => (p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'?` : `De producten staan in GET /api/catalogi/${s(p, 'catalogue')}.`) },
  WZ912: { severity: 'fout', message: (p) => `Onbekend adres: ${s(p, 'method')} ${s(p, 'url')}.`, hint: () => 'De adressen van de API staan in /api/openapi.json.' },
  WZ913: { severity: 'fout', message: (p) => `De aanvraag is ongeldig (HTTP ${s(p, 'status')}).`, hint: () => 'Controleer het adres, de kopregels en de inhoud; zie /api/openapi.json.' },
  WZ914: { severity: 'fout', message: () => 'Interne fout in wijzer bij het verwerken van de aanvraag.', hint: () => 'Dit is een fout in wijzer, niet in uw invoer. Meld hem met de stappen om hem te herhalen (zonder cliëntgegevens).' },
  WZ915: { severity: 'fout', message: (p) => `Het profiel heeft ${s(p, 'count')} sleutels; er bestaan maar ${s(p, 'facts')} feiten.`, hint: () => 'Stuur alleen de feiten uit GET /api/vocabulaire, elk één keer.' },

  // --- wijzer document -------------------------------------------------------------------------
  WZ930: { severity: 'fout', message: (p) => `De PDF kan niet worden gemaakt: ${s(p, 'detail')}.`, hint: () => 'wijzer document maakt de PDF met Chromium (/usr/bin/chromium, of het pad in WIJZER_CHROMIUM) en playwright-core. Installeer die, of maak HTML (--format html) en druk die af vanuit een browser.' },

  // --- wijzer export ---------------------------------------------------------------------------
  WZ935: { severity: 'fout', message: () => 'Een werkmap (.xlsx) wordt niet naar de standaarduitvoer geschreven.', hint: (p) => `Geef een bestand met -o, bijvoorbeeld: ${s(p, 'example')}` },
  WZ936: { severity: 'fout', message: (p) => `Onbekende export '${s(p, 'name')}'.`, hint: (p) => `${p['suggestion'] ? `Bedoelt u '${s(p, 'suggestion')}'? ` : ''}Kies productcodes of catalogus. Gebruik: ${s(p, 'usage')}` },
} as const satisfies Record<string, CodeDefinition>;

export type Code = keyof typeof CODES;

/** Build a diagnostic from the code catalogue; the only way stages create diagnostics. */
export function diag(code: Code, params: Params = {}, span?: Span, severity?: Severity): Diagnostic {
  const def: CodeDefinition = CODES[code];
  const hint = def.hint?.(params);
  return {
    code,
    severity: severity ?? def.severity,
    message: def.message(params),
    ...(hint ? { hint } : {}),
    ...(span ? { span } : {}),
  };
}
