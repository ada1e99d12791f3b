import type { PromptDetail } from '../../../shared/prompts';
import { Chip } from '../../components/Chip';
import { Section } from '../../components/Section';
import { plural } from '../../lib/labels';
import { schemaFieldNames } from '../../lib/schemaLines';
import { SchemaBlock } from './SchemaBlock';
import './codeBlocks.css';

/** Input variables and the expected output, side by side. */
export function SchemaSections({ prompt }: { prompt: PromptDetail }) {
  const inputFields = schemaFieldNames(prompt.inputSchema).length;
  return (
    <div className="schema-grid">
      <Section title="Input schema" aside={prompt.inputSchema !== undefined && plural(inputFields, 'field')}>
        {prompt.inputSchema === undefined ? (
          <p className="card card--dashed schema-missing">
            No input schema. Declare the template’s variables under <code>input.schema</code>.
          </p>
        ) : (
          <SchemaBlock schema={prompt.inputSchema} />
        )}
      </Section>
      <Section title="Output" aside={<Chip tone="accent">{prompt.outputFormat ?? 'text'}</Chip>}>
        {prompt.outputSchema === undefined ? (
          <p className="card card--dashed schema-missing">
            {prompt.outputFormat === 'json'
              ? 'JSON, with no schema declared for its fields.'
              : 'Free text. No schema to check the outputs against.'}
          </p>
        ) : (
          <SchemaBlock schema={prompt.outputSchema} />
        )}
      </Section>
    </div>
  );
}
