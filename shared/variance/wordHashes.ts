// Splits a text into words and hashes each one, in a single pass over its characters: no
// regular expression and no substring per word, because this runs over every output of a run
// (2,000 outputs of 300 words for a modest sweep) whenever the review grid opens.
//
// A word is a run of letters, digits and combining marks in any script, lower-cased; everything
// else (spaces, punctuation, JSON syntax) separates words. Chinese and Japanese put no spaces
// between words, so there each character is a word of its own.

const SEPARATOR = 0;
const WORD_CHAR = 1;
const IDEOGRAPH = 2;

const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  ASCII_CLASS[code] = /[a-z0-9]/i.test(char) ? WORD_CHAR : SEPARATOR;
}

const IDEOGRAPHIC = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const LETTER_DIGIT_OR_MARK = /[\p{L}\p{N}\p{M}]/u;
// Non-ASCII characters are classified once each; a text uses few distinct ones.
const nonAsciiClass = new Map<number, number>();

function classOf(codePoint: number): number {
  let kind = nonAsciiClass.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    kind = IDEOGRAPHIC.test(char) ? IDEOGRAPH : LETTER_DIGIT_OR_MARK.test(char) ? WORD_CHAR : SEPARATOR;
    nonAsciiClass.set(codePoint, kind);
  }
  return kind;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The 32-bit FNV-1a hash of each word, in text order. */
export function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  // Every word takes at least one character (ideographs one each), so n characters make at most n words.
  const hashes = new Uint32Array(lower.length);
  let count = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < lower.length; ) {
    const unit = lower.charCodeAt(i);
    // Most text is ASCII: classify it by table, and look for surrogate pairs only above that.
    const codePoint = unit < 0xd800 || unit > 0xdbff ? unit : (lower.codePointAt(i) as number);
    const width = codePoint > 0xffff ? 2 : 1;
    const kind = codePoint < 128 ? (ASCII_CLASS[codePoint] as number) : classOf(codePoint);
    if (kind === WORD_CHAR) {
      if (!inWord) hash = FNV_OFFSET;
      inWord = true;
      hash = Math.imul(hash ^ unit, FNV_PRIME);
      if (width === 2) hash = Math.imul(hash ^ lower.charCodeAt(i + 1), FNV_PRIME);
    } else {
      if (inWord) hashes[count++] = hash >>> 0;
      inWord = false;
      if (kind === IDEOGRAPH) {
        let single = Math.imul(FNV_OFFSET ^ unit, FNV_PRIME);
        if (width === 2) single = Math.imul(single ^ lower.charCodeAt(i + 1), FNV_PRIME);
        hashes[count++] = single >>> 0;
      }
    }
    i += width;
  }
  if (inWord) hashes[count++] = hash >>> 0;
  return hashes.subarray(0, count);
}
