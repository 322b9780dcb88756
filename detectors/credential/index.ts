import type { Detector } from '../../src/detect/detector.js';
import apiKey from './api-key.js';
import oneTimeCode from './one-time-code.js';
import otpauthUri from './otpauth-uri.js';
import password from './password.js';
import privateKey from './private-key.js';

export const credentialDetectors: Detector[] = [
  password,
  apiKey,
  oneTimeCode,
  privateKey,
  otpauthUri,
];
