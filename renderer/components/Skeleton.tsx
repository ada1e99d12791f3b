import './components.css';

/** A grey placeholder bar shown while data loads; its width hints at the text to come. */
export function Skeleton({ width, height = 10 }: { width: number | string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}
