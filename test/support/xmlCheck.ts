// For the report's unit tests: checks that markup is well-formed XML as far as an SVG needs it
// (balanced tags, quoted attributes, no stray `<` or `&`), without a DOM. Not used by the app.
const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
const ENTITY = /&(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);/iy;

/** Throws, saying where, unless `text` is well-formed. */
export function assertWellFormed(text: string): void {
  const open: string[] = [];
  const fail = (at: number, why: string) => {
    throw new Error(`${why} at ${at}: …${text.slice(Math.max(0, at - 40), at + 40)}…`);
  };
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '&') {
      ENTITY.lastIndex = at;
      if (!ENTITY.test(text)) fail(at, 'a bare &');
    } else if (char === '<') {
      TAG.lastIndex = at;
      const match = TAG.exec(text);
      if (!match) {
        fail(at, 'a malformed tag or a bare <');
        return;
      }
      const [whole, closing, name, , selfClosing] = match;
      if (closing && selfClosing) fail(at, 'a closing tag that closes itself');
      if (closing) {
        const expected = open.pop();
        if (expected !== name) fail(at, `</${name}> closes <${expected ?? 'nothing'}>`);
      } else if (!selfClosing) open.push(name as string);
      at += whole.length - 1;
    }
  }
  if (open.length > 0) throw new Error(`unclosed tags: ${open.join(', ')}`);
}
