import { GROUP_ONLY_TYPES } from '../../detectors/work/index.js';
import type { Finding } from '../model/finding.js';

/**
 * Finding types that only mean something in a group chat (work talk among colleagues), as the
 * work detectors declare them. The scanner streams messages before it knows whether a
 * conversation is a group, so these are dropped afterwards for 1:1 chats.
 */
export { GROUP_ONLY_TYPES };

/** Drops group-only findings from a conversation that is not a group; returns what was kept. */
export function dropGroupOnly(
  findings: readonly Finding[],
  isGroup: boolean,
  groupOnlyTypes: ReadonlySet<string> = GROUP_ONLY_TYPES,
): { kept: Finding[]; dropped: number } {
  if (isGroup) return { kept: [...findings], dropped: 0 };
  const kept = findings.filter((f) => !groupOnlyTypes.has(f.type));
  return { kept, dropped: findings.length - kept.length };
}
