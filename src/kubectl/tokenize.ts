// Splits a command line into words the way a POSIX shell does before kubectl sees them:
// blanks separate words; '...' is literal; "..." keeps blanks and lets \ escape " \ $ `;
// a backslash outside quotes escapes the next character. Words remember where they started
// so tab completion can replace the word under the cursor.

export interface Word {
  text: string;
  /** Offsets in the line: [start, end). */
  start: number;
  end: number;
  /** True when any part of the word was quoted (so `''` is an empty word, not nothing). */
  quoted: boolean;
}

export type TokenizeResult = { words: Word[]; error?: undefined } | { words: Word[]; error: string };

const BLANK = /[ \t\r\n]/;

export function tokenizeLine(line: string): TokenizeResult {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    if (BLANK.test(line[i])) {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let quoted = false;
    while (i < line.length && !BLANK.test(line[i])) {
      const c = line[i];
      if (c === "'") {
        const close = line.indexOf("'", i + 1);
        if (close < 0) return { words, error: 'unexpected EOF while looking for matching `\'\'' };
        text += line.slice(i + 1, close);
        quoted = true;
        i = close + 1;
      } else if (c === '"') {
        quoted = true;
        i++;
        let closed = false;
        while (i < line.length) {
          const d = line[i];
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
            text += line[i + 1];
            i += 2;
            continue;
          }
          text += d;
          i++;
        }
        if (!closed) return { words, error: 'unexpected EOF while looking for matching `"\'' };
      } else if (c === '\\') {
        if (i + 1 < line.length) text += line[i + 1];
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    words.push({ text, start, end: Math.min(i, line.length), quoted });
  }
  return { words };
}

/** Quotes a word so tokenizeLine gives it back unchanged (for completion and history). */
export function quoteWord(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
