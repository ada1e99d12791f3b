// User settings kept in the workspace database. Each key has its own schema and default,
// so a bad value is refused at the boundary rather than discovered later.
import { z } from 'zod';
import { DEFAULT_MODEL, ModelId } from './models';
import { PriceEntry } from './pricing';
import { ProviderSettings } from './providers';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** Who commits: asked once, defaulting to the user's global git config when present. */
export const Author = z.object({
  name: z.string().trim().min(1, 'Give a name'),
  email: z.string().trim().email('Give an email address'),
});
export type Author = z.infer<typeof Author>;

/** How checks are judged and how ratings are read against judges. */
export const ChecksSettings = z
  .object({
    /** The judge of rubric checks that name none; null: the sample's own model judges it. */
    defaultJudge: ModelId.nullable().default(null),
    /** Ratings at or above this count as good when a judge is compared with people. */
    goodRating: z.number().int().min(1).max(5).default(4),
    /** Ratings at or below this count as bad; those in between are left out. */
    badRating: z.number().int().min(1).max(5).default(2),
  })
  .refine((value) => value.badRating < value.goodRating, { message: 'The bad rating must be below the good rating (for example bad 2, good 4).', path: ['badRating'] });
export type ChecksSettings = z.infer<typeof ChecksSettings>;

/** The pass rate a run should reach under its prompt's checks (0–1). */
export const MinPassRate = z.number().min(0).max(1);

/**
 * What a version should clear before it is approved. `minPassRate`: the run's overall pass rate
 * under its prompt's checks; below it, approving asks to be acknowledged. 0.9 by default: one
 * failure in ten is what a prompt whose checks state hard requirements should not exceed, and a
 * stricter 1.0 would flag every run with a single flaky sample.
 */
export const Gate = z.object({ minPassRate: MinPassRate.default(0.9) });
export type Gate = z.infer<typeof Gate>;

export const Settings = z.object({
  theme: Theme.default('system'),
  author: Author.nullable().default(null),
  providers: ProviderSettings.default(ProviderSettings.parse({})),
  /** The user's prices; each overrides the built-in price for the same pattern. */
  pricing: z.array(PriceEntry).default([]),
  /** Runs estimated above this cost ask before starting (the CLI needs --yes without a terminal). */
  costThresholdUsd: z.number().min(0).default(1),
  /**
   * The model a run starts from when the prompt names none (front matter is optional in Dotprompt);
   * null: none, and such a run asks for one. The default is the local provider's first model.
   */
  defaultModel: ModelId.nullable().default(DEFAULT_MODEL),
  checks: ChecksSettings.default(ChecksSettings.parse({})),
  gate: Gate.default(Gate.parse({})),
});
export type Settings = z.infer<typeof Settings>;

export const SettingUpdate = z.discriminatedUnion('key', [
  z.object({ key: z.literal('theme'), value: Theme }),
  z.object({ key: z.literal('author'), value: Author }),
  z.object({ key: z.literal('providers'), value: ProviderSettings }),
  z.object({ key: z.literal('pricing'), value: z.array(PriceEntry) }),
  z.object({ key: z.literal('costThresholdUsd'), value: z.number().min(0) }),
  z.object({ key: z.literal('defaultModel'), value: ModelId.nullable() }),
  z.object({ key: z.literal('checks'), value: ChecksSettings }),
  z.object({ key: z.literal('gate'), value: Gate }),
]);
export type SettingUpdate = z.infer<typeof SettingUpdate>;

export const defaultSettings: Settings = Settings.parse({});
