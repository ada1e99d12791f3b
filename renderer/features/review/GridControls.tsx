import { memo, useDeferredValue, useId } from 'react';
import { useEmbeddingModels } from '../../api/ratingQueries';
import { errorMessage } from '../../components/ErrorState';
import { WarningIcon } from '../../components/icons';
import { ConsistencyLegend } from './ConsistencyLegend';
import type { GridDensity, GridRows } from './reviewPrefs';
import { reviewActions } from './reviewStore';
import './reviewToolbar.css';

interface GridControlsProps {
  rows: GridRows;
  density: GridDensity;
  threshold: number;
  /** The embedding model chosen, or null for the lexical measure. */
  similarity: string | null;
  /** Why the embedding's similarities could not be had, or null. */
  embeddingError: unknown;
  /** Clusters are being recomputed (a new threshold, the embedding on its way). */
  busy: boolean;
}

const ROWS: { value: GridRows; label: string; title: string }[] = [
  { value: 'cases', label: 'Cases', title: 'A row per case, grouped by model' },
  { value: 'models', label: 'Models', title: 'A row per model, grouped by case' },
];

const DENSITIES: { value: GridDensity; label: string; title: string }[] = [
  { value: 'comfortable', label: 'Comfortable', title: 'Three lines of each answer, room around them' },
  { value: 'compact', label: 'Compact', title: 'Two lines of each answer, more temperatures across' },
];

/** How the grid is laid out and how alike two answers must be to share a cluster. Memoised: ratings do not touch it. */
export const GridControls = memo(function GridControls({ rows, density, threshold, similarity, embeddingError, busy }: GridControlsProps) {
  const sliderId = useId();
  const sourceId = useId();
  // Model discovery waits until the grid has been drawn (a deferred render), then asks the providers.
  const discover = useDeferredValue(true, false);
  const embeddingModels = useEmbeddingModels(discover);
  // A model chosen earlier stays listed even while discovery has not answered (or it went away).
  const models = similarity && !embeddingModels.models.includes(similarity) ? [similarity, ...embeddingModels.models] : embeddingModels.models;

  return (
    <div className="grid-controls" aria-label="Grid options" role="group">
      <div className="grid-controls__item">
        <span className="grid-controls__label">Rows</span>
        <div className="segmented" role="group" aria-label="Rows">
          {ROWS.map((option) => (
            <button key={option.value} type="button" aria-pressed={rows === option.value} title={option.title} onClick={() => reviewActions.setRows(option.value)}>
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <div className="grid-controls__item">
        <span className="grid-controls__label">Density</span>
        <div className="segmented" role="group" aria-label="Density">
          {DENSITIES.map((option) => (
            <button key={option.value} type="button" aria-pressed={density === option.value} title={option.title} onClick={() => reviewActions.setDensity(option.value)}>
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <div className="grid-controls__item">
        <label className="grid-controls__label" htmlFor={sourceId}>
          Similarity
        </label>
        <select id={sourceId} className="grid-controls__select" value={similarity ?? ''} onChange={(event) => reviewActions.setSimilarity(event.target.value || null)}>
          <option value="">Lexical (offline)</option>
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
        {embeddingModels.checking && models.length === 0 && <span className="grid-controls__hint">looking for embedding models…</span>}
      </div>
      <div className="grid-controls__item">
        <label className="grid-controls__label" htmlFor={sliderId}>
          Cluster at ≥
        </label>
        <input
          id={sliderId}
          className="grid-controls__slider"
          type="range"
          min={0.5}
          max={1}
          step={0.01}
          value={threshold}
          onChange={(event) => reviewActions.setThreshold(Number(event.target.value))}
          aria-valuetext={`${Math.round(threshold * 100)}% similar`}
        />
        <output className="grid-controls__value" htmlFor={sliderId}>
          {threshold.toFixed(2)}
        </output>
        <span className={`grid-controls__busy${busy ? ' is-busy' : ''}`} aria-hidden="true" />
      </div>
      {similarity !== null && embeddingError !== null && (
        <span className="grid-controls__error" role="alert" title={errorMessage(embeddingError)}>
          <WarningIcon size={12} />
          {similarity} failed, lexical used: {errorMessage(embeddingError)}
        </span>
      )}
      <ConsistencyLegend />
    </div>
  );
});
