/** What to do about a conversation's findings, in plain language. Pure. */
import type { Platform } from '../model/conversation.js';
import { CONTRACT_TYPES } from '../model/finding.js';
import { countedType, joinAnd, typeName } from '../risk/labels.js';
import type { ReportSummary } from './types.js';

export interface Recommendation {
  title: string;
  text: string;
}

export interface RecommendationInput {
  summary: Pick<ReportSummary, 'byCategory' | 'byType'>;
  platform: Platform;
  isGroup: boolean;
  participants: number;
}

function typesOf(input: RecommendationInput, types: readonly string[]): string[] {
  return types.filter((t) => (input.summary.byType[t] ?? 0) > 0);
}

const PII_TYPES = [
  'iban',
  'payment-card',
  'cn-resident-id',
  'de-tax-id',
  'de-id-card',
  'passport-number',
  'date-of-birth',
  'eu-vat-id',
  'phone',
  'email',
  'postal-address',
];

export function recommendationsFor(input: RecommendationInput): Recommendation[] {
  const { byCategory, byType } = input.summary;
  const out: Recommendation[] = [];
  const everyone = input.isGroup
    ? `Ask everyone in the group (${input.participants} participants) to delete them as well; deleting your own copy does not remove theirs.`
    : 'Ask the other person to delete them as well.';

  if (byCategory.credential > 0) {
    const kinds = Object.keys(byType).filter((t) =>
      ['password', 'api-key', 'private-key', 'one-time-code', 'otpauth-uri'].includes(t),
    );
    out.push({
      title: 'Rotate the shared credentials now',
      text:
        `Change every password and revoke every key or two-factor secret that appears in this chat (${joinAnd(
          kinds.map((t) => typeName(t, 2)),
        )}): assume they are known to everyone who has the chat or a backup of it. ` +
        'Then delete the messages and share secrets only through the company password manager.',
    });
  }
  if (byCategory.pii > 0) {
    const kinds = typesOf(input, PII_TYPES);
    const listed = kinds.map((t) => countedType(t, byType[t] ?? 0));
    out.push({
      title: 'Remove customer data from the chat',
      text:
        `Delete the messages with ${listed.length > 0 ? joinAnd(listed) : 'personal data'} (see the findings table). ${everyone} ` +
        'Keep customer data in the CRM or another approved system, not in chats. ' +
        'If it is data of customers or employees, tell your data protection officer: the GDPR may require the incident to be documented or reported within 72 hours (Art.\u00A033).',
    });
    if ((byType['payment-card'] ?? 0) > 0) {
      out.push({
        title: 'Have shared payment cards replaced',
        text: 'Card numbers must never be sent by chat (PCI DSS). Treat the cards as compromised: have them blocked and reissued, and take card payments only through the payment provider.',
      });
    }
  }
  if (byCategory.contract > 0) {
    const kinds = Object.keys(byType).filter((t) =>
      (CONTRACT_TYPES as readonly string[]).includes(t),
    );
    out.push({
      title: 'Move contract talk to approved channels',
      text:
        `${joinAnd(kinds.map((t) => typeName(t, 2))).replace(/^./, (c) => c.toUpperCase())} belong in the contract management system or company email, where they are archived, access-controlled and binding. ` +
        'Record what was agreed there, then delete the chat messages. Confidential terms shared here may breach confidentiality clauses.',
    });
  }
  if (byCategory.work > 0) {
    out.push({
      title: 'Stop work talk in the group',
      text: 'Move work discussion out of this group to the company’s approved messenger. Archive or leave the group, and remove people who no longer need to be in it.',
    });
  }
  if (out.length === 0) {
    out.push({
      title: 'No action needed',
      text: 'Nothing sensitive was found. Keep customer data, contract terms and passwords out of private chats.',
    });
  }
  return out;
}

/** A short note on what the platform means for the data in it. */
export function platformNote(platform: Platform): string {
  if (platform === 'wechat') {
    return 'WeChat messages are not end-to-end encrypted: Tencent stores them and can read them server-side, and authorities can demand access. Do not use WeChat for customer data, contract terms or credentials.';
  }
  return 'WhatsApp encrypts messages in transit, but every participant’s phone, chat exports and cloud backups (Google Drive, iCloud) hold them in clear. Customer data in WhatsApp is still processing under the GDPR: the company must be able to account for it, answer access and deletion requests and report breaches, which it cannot do for private chats.';
}
