/**
 * Seed data: the default adapter's generator (`generateSeed` of `@clienteling/adapter-local/seed.js`)
 * so that the server and the in-browser adapter show the same world; a small built-in data set
 * when that generator is not available.
 */
import type { Dataset } from './dataset.js';
import { miniDataset } from './mini-dataset.js';
import { useSourceCondition } from './source-condition.js';

export interface SeedOptions {
  seed: number;
  locale: 'zh-CN' | 'en';
  now: Date;
}

type Generator = (options: SeedOptions) => Dataset;

export async function loadSeed(options: SeedOptions): Promise<Dataset> {
  try {
    useSourceCondition();
    const module = (await import('@clienteling/adapter-local/seed.js')) as { generateSeed?: Generator };
    if (module.generateSeed) return module.generateSeed(options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  return miniDataset(options.now);
}
