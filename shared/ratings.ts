// A person's judgement of samples: a 1–5 rating and an optional note per sample. Every change is
// one entry in the run's rating history (a cluster rating is one change over many samples), so
// `undoRating` can put back exactly what the last change replaced.
import { z } from 'zod';

export const RatingValue = z.number().int().min(1).max(5);
export type RatingValue = z.infer<typeof RatingValue>;

/** One sample's current rating and note; both null once cleared. */
export const SampleRating = z.object({
  sampleId: z.string(),
  rating: RatingValue.nullable(),
  note: z.string().nullable(),
  /** When the rating or note last changed; null when neither was ever set. */
  updatedAt: z.string().nullable(),
});
export type SampleRating = z.infer<typeof SampleRating>;

export const RateSamplesRequest = z.object({
  runId: z.string().min(1),
  /** One sample, or every member of a cluster; one undo gives each its own earlier rating back. */
  sampleIds: z.array(z.string().min(1)).min(1).max(5000),
  /** null clears the rating (the `0` key). */
  rating: RatingValue.nullable(),
  /**
   * A cluster rating: only the samples without a rating get it, the others keep the rating a person
   * already gave them (counted in the answer's `kept`).
   */
  onlyUnrated: z.boolean().optional(),
});
export type RateSamplesRequest = z.infer<typeof RateSamplesRequest>;

export const SetSampleNoteRequest = z.object({
  runId: z.string().min(1),
  sampleId: z.string().min(1),
  /** null or blank clears the note. */
  note: z.string().max(20_000).nullable(),
});
export type SetSampleNoteRequest = z.infer<typeof SetSampleNoteRequest>;

/** What one change (or one undo) left the touched samples at. */
export const RatingChange = z.object({
  runId: z.string(),
  kind: z.enum(['rating', 'note', 'undo']),
  ratings: z.array(SampleRating),
  /** Changes left to undo in this run after this one. */
  undoable: z.number().int(),
  /** Samples of an `onlyUnrated` rating left at the rating they already had; 0 for anything else. */
  kept: z.number().int().default(0),
});
export type RatingChange = z.infer<typeof RatingChange>;

/** Similarity by an embedding model instead of the lexical measure (issue: clusters). */
export const EmbeddingSimilarityRequest = z.object({
  runId: z.string().min(1),
  /** "provider/model", e.g. "ollama/nomic-embed-text" or "openai/text-embedding-3-small". */
  model: z.string().min(1),
  /** Cosine similarity at or above which two outputs join one cluster. */
  threshold: z.number().min(0).max(1),
});
export type EmbeddingSimilarityRequest = z.infer<typeof EmbeddingSimilarityRequest>;

export const EmbeddingCell = z.object({
  model: z.string(),
  temperature: z.number(),
  case: z.string(),
  /** Mean pairwise cosine similarity of the cell's ok outputs; null with fewer than two. */
  meanSimilarity: z.number().nullable(),
  /** Sample ids per cluster, largest first; each cluster's first id is its representative. */
  clusters: z.array(z.array(z.string())),
});
export type EmbeddingCell = z.infer<typeof EmbeddingCell>;

export const EmbeddingSimilarity = z.object({
  runId: z.string(),
  model: z.string(),
  threshold: z.number(),
  cells: z.array(EmbeddingCell),
});
export type EmbeddingSimilarity = z.infer<typeof EmbeddingSimilarity>;
