import type { RunEstimate } from '../../../shared/runs';
import { errorMessage } from '../../components/ErrorState';
import { WarningIcon } from '../../components/icons';
import { ModelChip } from '../../components/ModelChip';
import { TextWithCode } from '../../components/TextWithCode';
import { plural } from '../../lib/labels';
import { formatCost, formatTokens } from '../../lib/runFormat';
import { NotSampledList } from './NotSampledList';
import './runEstimate.css';

interface RunEstimatePanelProps {
  /** The latest estimate; undefined before the first. */
  estimate: RunEstimate | undefined;
  /** The form changed since: shown dimmed until the new one arrives. */
  stale: boolean;
  problems: readonly string[];
  /** Worth a look before starting, but no reason not to (a model its provider did not report). */
  warnings: readonly string[];
  error: unknown;
}

/** Calls, tokens and cost per model, the cells left out, and every reason the run cannot start yet. */
export function RunEstimatePanel({ estimate, stale, problems, warnings, error }: RunEstimatePanelProps) {
  return (
    <section className="run-estimate" aria-label="Estimate" aria-busy={stale}>
      {problems.length > 0 && (
        <div className="run-estimate__problems" role="alert">
          <WarningIcon size={14} className="run-estimate__problems-icon" />
          <ul>
            {problems.map((problem) => (
              <li key={problem}>
                <TextWithCode text={problem} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="run-estimate__warnings" aria-label="Warnings" role="status">
          <WarningIcon size={14} className="run-estimate__warnings-icon" />
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {error !== null && (
        <p className="run-estimate__error" role="alert">
          Couldn’t estimate this run: {errorMessage(error)}
        </p>
      )}
      {estimate ? (
        <div className={`run-estimate__body${stale ? ' is-stale' : ''}`}>
          <dl className="run-estimate__totals">
            <Total label="Calls" value={estimate.calls.toLocaleString()} detail={plural(estimate.cells, 'cell')} />
            <Total label="Input tokens" value={`≈ ${formatTokens(estimate.inputTokens)}`} />
            <Total label="Output tokens" value={`≈ ${formatTokens(estimate.outputTokens)}`} detail="a guess" />
            <Total
              label="Cost"
              value={estimate.costUsd === null ? 'unknown' : `≈ ${formatCost(estimate.costUsd)}`}
              detail={estimate.unpricedModels.length > 0 && estimate.costUsd !== null ? `+ ${plural(estimate.unpricedModels.length, 'unpriced model')}` : undefined}
              warn={estimate.needsConfirmation}
            />
          </dl>
          {estimate.perModel.length > 1 || estimate.unpricedModels.length > 0 ? (
            <table className="run-estimate__models">
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Calls</th>
                  <th scope="col">≈ Tokens in / out</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {estimate.perModel.map((row) => (
                  <tr key={row.model}>
                    <td>
                      <ModelChip model={row.model} size="sm" />
                    </td>
                    <td>{row.calls.toLocaleString()}</td>
                    <td>
                      {formatTokens(row.inputTokens)} / {formatTokens(row.outputTokens)}
                    </td>
                    <td className={row.costUsd === null ? 'run-estimate__unknown' : undefined}>{formatCost(row.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <NotSampledList skipped={estimate.skipped} cases={estimate.cases.length} />
          {estimate.needsConfirmation && (
            <p className="run-estimate__threshold">Above your {formatCost(estimate.thresholdUsd)} threshold: starting will ask you to confirm.</p>
          )}
        </div>
      ) : (
        problems.length === 0 &&
        error === null && <p className="run-estimate__placeholder">{stale ? 'Estimating…' : 'The estimate appears here.'}</p>
      )}
    </section>
  );
}

function Total({ label, value, detail, warn = false }: { label: string; value: string; detail?: string | undefined; warn?: boolean }) {
  return (
    <div className={`run-estimate__total${warn ? ' run-estimate__total--warn' : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="run-estimate__value">{value}</span>
        {detail && <span className="run-estimate__detail">{detail}</span>}
      </dd>
    </div>
  );
}
