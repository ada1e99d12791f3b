import type { Sample } from '../../../../shared/runs';
import { useSampleChecks } from '../../../api/checkQueries';
import { errorMessage } from '../../../components/ErrorState';
import { verdictRows, verdictTally, type VerdictState } from './verdictRows';
import './checks.css';

const GLYPH: Record<VerdictState, string> = { passed: '✓', failed: '✕', waiting: '…' };
const STATE_WORDS: Record<VerdictState, string> = { passed: 'Passed', failed: 'Failed', waiting: 'Waiting for the judge' };

interface SampleChecksProps {
  prompt: string;
  sample: Sample;
}

/** The focused sample's verdict on every check that applies to it, with the reason for each. */
export function SampleChecks({ prompt, sample }: SampleChecksProps) {
  const finished = sample.status === 'ok' || sample.status === 'error';
  const query = useSampleChecks(prompt, sample.sampleId, sample.finishedAt, finished);
  if (!finished) return null;
  if (query.isError) {
    return (
      <p className="sample-checks__error" role="alert">
        Could not read this sample’s checks: {errorMessage(query.error)}
      </p>
    );
  }
  const data = query.data?.sampleId === sample.sampleId ? query.data : undefined;
  if (!data || data.checks.length === 0) return null;
  const rows = verdictRows(data.checks, data.verdicts);
  return (
    <section className="sample-checks" aria-label="Checks">
      <h4 className="sample-checks__title">
        Checks <span className="sample-checks__tally">{verdictTally(rows)}</span>
      </h4>
      {data.callFailed ? (
        <p className="sample-checks__call">The call failed, so every check counts as failed: see what went wrong below.</p>
      ) : (
        <ul className="sample-checks__list">
          {rows.map((row) => (
            <li key={row.checkId} className={`verdict verdict--${row.state}`}>
              <span className="verdict__glyph" role="img" aria-label={STATE_WORDS[row.state]} title={STATE_WORDS[row.state]}>
                {GLYPH[row.state]}
              </span>
              <span className="verdict__label">
                {row.label}
                {row.case !== null && <span className="verdict__scope"> · this case</span>}
              </span>
              {row.state !== 'passed' && <span className="verdict__reason selectable">{row.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
