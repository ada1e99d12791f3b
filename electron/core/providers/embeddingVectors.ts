// The check every embeddings answer goes through before its vectors are cached: one vector per
// text, all of one length, numbers only. A server that gets this wrong (a proxy, an old version)
// would otherwise poison the cache with vectors that compare as nonsense forever.

/** The vectors, or the reason they cannot be used (for a `malformed` failure). */
export function checkedVectors(vectors: unknown, count: number): { vectors: number[][] } | { reason: string } {
  if (!Array.isArray(vectors)) return { reason: 'it has no embeddings' };
  if (vectors.length !== count) return { reason: `it has ${vectors.length} embeddings for ${count} texts` };
  const size = Array.isArray(vectors[0]) ? vectors[0].length : 0;
  for (const vector of vectors) {
    if (!Array.isArray(vector) || vector.length === 0 || vector.length !== size) return { reason: 'its embeddings are not vectors of one length' };
    if (!vector.every((value) => typeof value === 'number' && Number.isFinite(value))) return { reason: 'its embeddings hold values that are not numbers' };
  }
  return { vectors: vectors as number[][] };
}
