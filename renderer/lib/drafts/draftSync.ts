// Keeps an editor's buffer and one file on disk in step: autosave shortly after typing stops, and
// never overwrite a file that changed on disk since it was loaded. Every save sends the hash of the
// version the buffer grew from; the core answers CONFLICT when the file is no longer that version,
// and then the person chooses (keep mine, or load the disk version). Changes that arrive from disk
// while the buffer holds nothing unsaved are taken silently.
// Plain TypeScript (no React), so the rules can be tested without a DOM.

export interface DiskVersion<T> {
  value: T;
  hash: string;
}

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface DraftSnapshot<T> {
  /** The buffer: what the person sees and edits. */
  value: T;
  state: SaveState;
  /** Why the last save failed (state `failed`). */
  error: string | null;
  /** The version on disk that differs from the buffer's origin (state `conflict`). */
  conflict: DiskVersion<T> | null;
}

export interface DraftSyncOptions<T> {
  initial: DiskVersion<T>;
  equals(a: T, b: T): boolean;
  /** Writes the value if the file is still `expectedHash`; resolves with the new hash. */
  save(value: T, expectedHash: string): Promise<string>;
  /** Reads the file as it is on disk now. */
  readDisk(): Promise<DiskVersion<T>>;
  isConflict(error: unknown): boolean;
  describeError(error: unknown): string;
  /** Quiet time after the last edit before saving, in ms. */
  delay: number;
}

export class DraftSync<T> {
  private base: DiskVersion<T>;
  private buffer: T;
  private conflict: DiskVersion<T> | null = null;
  private error: string | null = null;
  private inFlight: Promise<void> | null = null;
  private saving = false;
  private saveAgain = false;
  private missedServerChange = false;
  private detached = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: DraftSnapshot<T>;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: DraftSyncOptions<T>) {
    this.base = options.initial;
    this.buffer = options.initial.value;
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DraftSnapshot<T> => this.snapshot;

  get hasUnsavedChanges(): boolean {
    return !this.options.equals(this.buffer, this.base.value);
  }

  /** The person changed the buffer. */
  edit(value: T): void {
    if (this.detached) return;
    this.buffer = value;
    this.error = null;
    if (!this.conflict) this.schedule(this.options.delay);
    this.emit();
  }

  /** Saves now (Ctrl+S, before a commit); resolves once the buffer is on disk or cannot be. */
  async saveNow(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) this.saveAgain = true;
    else if (!this.detached && !this.conflict && this.hasUnsavedChanges) this.inFlight = this.runSave();
    // A save may chain another one for what was typed meanwhile; wait for the last.
    while (this.inFlight) await this.inFlight;
  }

  /** The file as the cache last read it from disk. */
  serverChanged(disk: DiskVersion<T>): void {
    if (this.detached || disk.hash === this.base.hash) return;
    if (this.inFlight) {
      // It may predate our own save; look again once the save has settled.
      this.missedServerChange = true;
      return;
    }
    if (this.options.equals(disk.value, this.buffer)) {
      this.base = disk;
      this.conflict = null;
    } else if (this.conflict) {
      this.conflict = disk;
    } else if (!this.hasUnsavedChanges) {
      this.base = disk;
      this.buffer = disk.value;
    } else {
      this.clearTimer();
      this.conflict = disk;
    }
    this.emit();
  }

  /** Conflict resolved for the buffer: overwrite the disk version, knowingly. */
  keepMine(): Promise<void> {
    if (!this.conflict) return Promise.resolve();
    this.base = this.conflict;
    this.conflict = null;
    this.emit();
    return this.saveNow();
  }

  /** Conflict resolved for the disk: the buffer's unsaved changes are dropped. */
  loadDisk(): void {
    if (this.conflict) this.reset(this.conflict);
  }

  /** Replaces buffer and origin, e.g. after restoring a version. */
  reset(disk: DiskVersion<T>): void {
    this.clearTimer();
    this.base = disk;
    this.buffer = disk.value;
    this.conflict = null;
    this.error = null;
    this.emit();
  }

  /** Leaving the page: write what is pending, if that can be done without asking. */
  flush(): void {
    if (this.hasUnsavedChanges && !this.conflict) void this.saveNow();
  }

  /** The file is going away (delete): never write it again from here. */
  detach(): void {
    this.clearTimer();
    this.detached = true;
  }

  /** The file stayed after all (the delete failed). */
  attach(): void {
    this.detached = false;
    if (this.hasUnsavedChanges && !this.conflict) this.schedule(this.options.delay);
  }

  private async runSave(): Promise<void> {
    const sent = this.buffer;
    const expectedHash = this.base.hash;
    this.saving = true;
    this.error = null;
    this.emit();
    try {
      const hash = await this.options.save(sent, expectedHash);
      this.base = { value: sent, hash };
    } catch (error) {
      if (this.options.isConflict(error)) await this.enterConflict();
      else this.error = this.options.describeError(error);
    }
    this.saving = false;
    this.inFlight = null;
    const again = this.saveAgain;
    this.saveAgain = false;
    if (this.missedServerChange && !this.conflict) {
      this.missedServerChange = false;
      await this.readDiskQuietly().then((disk) => disk && this.serverChanged(disk));
    }
    this.emit();
    if (again && !this.detached && !this.error && !this.conflict && this.hasUnsavedChanges) {
      this.clearTimer();
      this.inFlight = this.runSave();
    }
  }

  private async enterConflict(): Promise<void> {
    this.clearTimer();
    const disk = await this.readDiskQuietly();
    if (!disk) {
      this.error = 'The file changed on disk and could not be read back. Reload the prompt to see it.';
      return;
    }
    if (this.options.equals(disk.value, this.buffer)) this.base = disk;
    else this.conflict = disk;
  }

  private async readDiskQuietly(): Promise<DiskVersion<T> | null> {
    try {
      return await this.options.readDisk();
    } catch {
      return null;
    }
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private makeSnapshot(): DraftSnapshot<T> {
    let state: SaveState;
    if (this.conflict) state = 'conflict';
    else if (this.saving) state = 'saving';
    else if (this.error) state = 'failed';
    else state = this.hasUnsavedChanges ? 'unsaved' : 'saved';
    return { value: this.buffer, state, error: this.error, conflict: this.conflict };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of [...this.listeners]) listener();
  }
}
