// A cell's rating figures change with every keypress; its clusters and similarities do not. So the
// expensive metrics are computed without ratings (once per threshold and per batch of samples), and
// the rating figures are laid over them here, by the same definitions cellMetrics.ts uses (mean and
// sample sd over the cell's rated samples). A cell whose figures did not move is returned as is.
import type { SampleRating } from '../../../shared/ratings';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { mean, sampleSd } from '../../../shared/variance/summaryStats';

export function withRatings(cell: CellMetrics, ratings: ReadonlyMap<string, SampleRating>): CellMetrics {
  const values: number[] = [];
  for (const id of cell.sampleIds) {
    const rating = ratings.get(id)?.rating;
    if (rating !== undefined && rating !== null) values.push(rating);
  }
  const ratingMean = mean(values);
  const ratingSd = sampleSd(values);
  if (cell.rated === values.length && cell.ratingMean === ratingMean && cell.ratingSd === ratingSd) return cell;
  return { ...cell, ratingMean, ratingSd, rated: values.length };
}
