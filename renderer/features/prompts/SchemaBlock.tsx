import { schemaLines } from '../../lib/schemaLines';
import './codeBlocks.css';

/** A schema as indented `key: type, description` lines. */
export function SchemaBlock({ schema }: { schema: unknown }) {
  const lines = schemaLines(schema);
  return (
    <div className="card code-block schema selectable">
      {lines.map((line, index) => (
        <div className="schema-line" key={index} style={{ paddingLeft: `${line.depth * 2}ch` }}>
          {line.key !== undefined && (
            <>
              <span className="schema-line__key">{line.key}</span>
              {line.modifiers && <span className="schema-line__modifiers">{line.modifiers}</span>}
              <span className="schema-line__punct">:</span>
            </>
          )}
          {line.type && <span className="schema-line__type"> {line.type}</span>}
          {line.description && <span className="schema-line__description">, {line.description}</span>}
          {line.value !== undefined && <span className="schema-line__value"> {line.value}</span>}
        </div>
      ))}
    </div>
  );
}
