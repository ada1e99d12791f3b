/** "What changed": the comparison's plain-language sentences, for the run and the version comparisons. */
export function CompareSummary({ sentences, headingLevel }: { sentences: readonly string[]; headingLevel: 'h3' | 'h4' }) {
  const Heading = headingLevel;
  return (
    <section className="compare-summary" aria-label="What changed">
      <Heading className="compare__subtitle">What changed</Heading>
      <ul className="compare-summary__list">
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}
