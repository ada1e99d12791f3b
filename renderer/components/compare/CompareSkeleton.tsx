import { Skeleton } from '../Skeleton';

export function CompareSkeleton() {
  return (
    <div className="compare__loading" role="status" aria-label="Loading the comparison">
      <Skeleton width="40%" height={14} />
      <Skeleton width="100%" height={120} />
      <Skeleton width="100%" height={200} />
    </div>
  );
}
