// Embedding vectors per sample and embedding model. A finished sample's output never changes, so a
// vector, once fetched, is good forever: looking at a run again (or with another threshold) costs
// no provider call. Vectors are stored as Float32 (what the APIs compute in), a quarter of JSON's size.
import type Database from 'better-sqlite3';
import { isBusy } from './lockWait';

export class EmbeddingStore {
  private readonly selectVector: Database.Statement;
  private readonly insertVector: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.selectVector = db.prepare('SELECT vector FROM sample_embeddings WHERE sample_id = ? AND model = ?').pluck();
    // Two windows may fetch the same vectors at once; the second write simply replaces an equal one.
    this.insertVector = db.prepare('INSERT OR REPLACE INTO sample_embeddings (sample_id, model, vector) VALUES (?, ?, ?)');
  }

  /** The cached vectors among `sampleIds` for `model` ("provider/model"). */
  cached(sampleIds: readonly string[], model: string): Map<string, number[]> {
    const found = new Map<string, number[]>();
    for (const sampleId of sampleIds) {
      const blob = this.selectVector.get(sampleId, model) as Buffer | undefined;
      if (blob) found.set(sampleId, fromBlob(blob));
    }
    return found;
  }

  /**
   * Keeps one batch of vectors, in one transaction: a batch is cached whole or not at all. A cache
   * is not worth waiting for: while another process holds the lock, the batch is not kept this time.
   */
  save(model: string, entries: readonly { sampleId: string; vector: readonly number[] }[]): void {
    try {
      this.db.transaction(() => {
        for (const { sampleId, vector } of entries) this.insertVector.run(sampleId, model, toBlob(vector));
      })();
    } catch (error) {
      if (!isBusy(error)) throw error;
    }
  }
}

function toBlob(vector: readonly number[]): Buffer {
  const floats = Float32Array.from(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength);
}

function fromBlob(blob: Buffer): number[] {
  // Copied out: the Buffer's memory may not be aligned for a Float32Array view.
  const floats = new Float32Array(blob.byteLength / Float32Array.BYTES_PER_ELEMENT);
  new Uint8Array(floats.buffer).set(blob);
  return Array.from(floats);
}
