import { Skeleton } from '../../components/Skeleton';

// Widths vary so the placeholder reads as a list of different prompts, not a grid.
const ROWS = [
  [96, 180],
  [120, 150],
  [80, 200],
  [110, 170],
  [90, 140],
] as const;

export function PromptListSkeleton() {
  return (
    <div className="prompt-list" role="status" aria-label="Loading prompts">
      {ROWS.map(([name, description], index) => (
        <div className="prompt-item prompt-item--skeleton" key={index}>
          <Skeleton width={name} height={11} />
          <Skeleton width={description} height={9} />
          <Skeleton width={84} height={14} />
        </div>
      ))}
    </div>
  );
}
