import type { RatingValue } from '../../../shared/ratings';

const VALUES: RatingValue[] = [1, 2, 3, 4, 5];

interface RatingBarProps {
  value: RatingValue | null;
  onRate(rating: RatingValue | null): void;
}

/** 1–5 as buttons (the same as the digit keys: a rating moves on to the next sample), and Clear. */
export function RatingBar({ value, onRate }: RatingBarProps) {
  return (
    <div className="rating-bar" role="group" aria-label="Rating">
      {VALUES.map((rating) => (
        <button
          key={rating}
          type="button"
          className={`rating-bar__value rating-bar__value--${rating}`}
          aria-pressed={value === rating}
          aria-label={`Rate ${rating}`}
          title={`Rate ${rating} (key ${rating})`}
          onClick={() => onRate(rating)}
        >
          {rating}
        </button>
      ))}
      <button type="button" className="rating-bar__clear" onClick={() => onRate(null)} disabled={value === null} title="Clear the rating (key 0)">
        Clear
      </button>
    </div>
  );
}
