// Messages from the core mark commands and file names with `backticks`, as Markdown does.
// Show those as code, and everything as plain text: no HTML is ever interpreted.

export function splitInlineCode(text: string): { code: boolean; text: string }[] {
  return text
    .split(/(`[^`\n]+`)/)
    .filter(Boolean)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? { code: true, text: part.slice(1, -1) } : { code: false, text: part }));
}

export function TextWithCode({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((part, index) =>
        part.code ? (
          <code key={index} className="inline-code">
            {part.text}
          </code>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
