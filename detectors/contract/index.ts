import type { Detector } from '../../src/detect/detector.js';

export const contractDetectors: Detector[] = [];
