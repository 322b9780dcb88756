import type { Detector } from '../src/detect/detector.js';
import { contractDetectors } from './contract/index.js';
import { credentialDetectors } from './credential/index.js';
import { contextualPii } from './pii/contextual.js';
import { structuredPii } from './pii/structured.js';
import { workDetectors } from './work/index.js';

/** Every detector, sorted by id so runs and listings are stable. */
export const detectors: readonly Detector[] = [
  ...structuredPii,
  ...contextualPii,
  ...contractDetectors,
  ...credentialDetectors,
  ...workDetectors,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
