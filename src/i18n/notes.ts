// The engine states where Kubeglass simplifies Kubernetes in English sentences (the CLI prints
// them as they are); the UI shows them in the user's language through this table. A key is either
// the English sentence exactly or a template whose {{name}} parts stand for any text: the values
// are put into the translation, and {{note}} is itself a note, translated in turn (the network
// view prefixes each node's notes with "<node>: "). A sentence with no entry stays English.
import zh from './locales/zh/notes.json';

interface Template {
  key: string;
  pattern: RegExp;
  names: string[];
}

interface Table {
  exact: Map<string, string>;
  templates: Template[];
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(entries: Record<string, string>): Table {
  const exact = new Map<string, string>();
  const templates: Template[] = [];
  for (const [key, value] of Object.entries(entries)) {
    exact.set(key, value);
    const names = [...key.matchAll(PLACEHOLDER)].map((m) => m[1]);
    if (!names.length) continue;
    const source = key.split(PLACEHOLDER).map((part, i) => (i % 2 ? '(.+?)' : escapeRegExp(part))).join('');
    templates.push({ key, pattern: new RegExp(`^${source}$`, 's'), names });
  }
  return { exact, templates };
}

const TABLES: Record<string, Table> = { zh: compile(zh) };

interface Match {
  text: string;
  /** Table keys used, outermost first. */
  keys: string[];
}

function lookup(text: string, table: Table): Match | undefined {
  const exact = table.exact.get(text);
  if (exact !== undefined) return { text: exact, keys: [text] };
  for (const t of table.templates) {
    const m = t.pattern.exec(text);
    if (!m) continue;
    const values: Record<string, string> = {};
    const keys = [t.key];
    let ok = true;
    t.names.forEach((name, i) => {
      const inner = name === 'note' ? lookup(m[i + 1], table) : { text: m[i + 1], keys: [] };
      if (!inner) ok = false;
      else {
        values[name] = inner.text;
        keys.push(...inner.keys);
      }
    });
    if (ok) return { text: table.exact.get(t.key)!.replace(PLACEHOLDER, (_, name: string) => values[name] ?? ''), keys };
  }
  return undefined;
}

const tableFor = (language: string): Table | undefined => TABLES[language.split('-')[0]];

/** The note in `language` (an i18next language code), or the English text if it has no translation. */
export function translateNote(text: string, language: string): string {
  const table = tableFor(language);
  return (table && lookup(text, table)?.text) ?? text;
}

/** The table entries that translate `text` (outermost first), or undefined if none does. */
export function noteEntries(text: string, language: string): string[] | undefined {
  const table = tableFor(language);
  return table ? lookup(text, table)?.keys : undefined;
}

/** Languages with a notes table, and each table's keys: for tests. */
export const NOTE_LANGUAGES: Record<string, readonly string[]> = { zh: Object.keys(zh) };
