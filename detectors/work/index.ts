import type { Detector } from '../../src/detect/detector.js';
import workDiscussion from './work-discussion.js';

/** Work talk in group chats (category `work`). */
export const workDetectors: Detector[] = [workDiscussion];

/**
 * Finding types reported for group chats only. The scanner cannot tell while streaming whether a
 * conversation is a group (that is decided at its end), so these detectors run on every
 * conversation and the scan pipeline must drop their findings for non-group conversations.
 */
export const GROUP_ONLY_TYPES: ReadonlySet<string> = new Set(['work-discussion']);
