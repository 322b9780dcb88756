import { GROUP_ONLY_TYPES } from '../../detectors/work/index.js';

/**
 * Finding types that only mean something in a group chat (work talk among colleagues), as the
 * work detectors declare them. The scanner streams messages before it knows whether a
 * conversation is a group, so these are dropped afterwards for 1:1 chats.
 */
export { GROUP_ONLY_TYPES };
