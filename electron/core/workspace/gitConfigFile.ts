// A reader for git's config file format (the INI dialect of ~/.gitconfig), enough to find
// `[user] name` and `email` the way git reads them: case-insensitive section and key names,
// `#`/`;` comments, double-quoted values with \" \\ \n \t escapes, and backslash line continuations.
// `[include]` files are not followed.

export interface ConfigEntry {
  /** Lower-cased. */
  section: string;
  /** Case-sensitive, as in `[remote "origin"]`; null without one. */
  subsection: string | null;
  /** Lower-cased. */
  key: string;
  /** A key given without `=` is a boolean true. */
  value: string;
}

const SECTION = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/;
const KEY = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(=)?/;

export function parseGitConfig(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let section: string | null = null;
  let subsection: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    const header = SECTION.exec(line);
    if (header) {
      const name = (header[1] as string).toLowerCase();
      // The old `[section.subsection]` spelling.
      const dot = header[2] === undefined ? name.indexOf('.') : -1;
      section = dot >= 0 ? name.slice(0, dot) : name;
      subsection = header[2] !== undefined ? header[2].replace(/\\(.)/g, '$1') : dot >= 0 ? name.slice(dot + 1) : null;
      // git allows a variable on the same line as its section header.
      line = line.slice(header[0].length);
    }
    if (/^\s*([#;].*)?$/.test(line) || section === null) continue;
    const key = KEY.exec(line);
    if (!key) continue;
    if (!key[2]) {
      entries.push({ section, subsection, key: (key[1] as string).toLowerCase(), value: 'true' });
      continue;
    }
    let rest = line.slice(key[0].length);
    // A backslash at the very end of a line continues the value on the next one.
    while (endsWithContinuation(rest) && i + 1 < lines.length) rest = rest.slice(0, -1) + (lines[++i] as string);
    entries.push({ section, subsection, key: (key[1] as string).toLowerCase(), value: parseValue(rest) });
  }
  return entries;
}

/** The last value of `section.key` (outside any subsection), as git's "last one wins". */
export function configValue(entries: ConfigEntry[], section: string, key: string): string | undefined {
  let found: string | undefined;
  for (const entry of entries) {
    if (entry.section === section.toLowerCase() && entry.subsection === null && entry.key === key.toLowerCase()) found = entry.value;
  }
  return found;
}

function endsWithContinuation(raw: string): boolean {
  let inQuotes = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\\') {
      if (i === raw.length - 1) return true;
      i++;
    } else if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '#' || char === ';')) return false;
  }
  return false;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\' };

function parseValue(raw: string): string {
  let value = '';
  let inQuotes = false;
  // Whitespace outside quotes is kept between words but dropped at either end.
  let pendingSpace = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string;
    if (char === '\\') {
      const next = raw[i + 1];
      i++;
      if (next === undefined) break;
      value += pendingSpace + (ESCAPES[next] ?? next);
      pendingSpace = '';
    } else if (char === '"') {
      value += pendingSpace;
      pendingSpace = '';
      inQuotes = !inQuotes;
    } else if (!inQuotes && (char === '#' || char === ';')) {
      break;
    } else if (!inQuotes && /\s/.test(char)) {
      if (value !== '') pendingSpace += char;
    } else {
      value += pendingSpace + char;
      pendingSpace = '';
    }
  }
  return value;
}
