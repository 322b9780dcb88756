import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { explainWork, flagWork } from '../../src/work/classify.js';
import { workScorer } from '../../src/work/model.js';

/**
 * Work talk in a group chat: a naive Bayes classifier trained with natural on a labelled corpus
 * (`data/work-corpus/`, model `data/work-model.json`, see `docs/work-classifier.md`), scored here
 * from the model's per-word log-odds. The whole message is the finding.
 *
 * Group-only: the detector does not look at `conversation.isGroup` (the scanner does not know it
 * while streaming); the scan pipeline drops `GROUP_ONLY_TYPES` findings of non-group chats.
 */
export default defineDetector({
  id: 'work/work-discussion',
  category: 'work',
  type: 'work-discussion',
  severity: 'low',
  languages: ['de', 'en', 'zh'],
  description:
    'Messages about work (customers, orders, meetings, projects, deadlines, HR, finance) posted in a group chat',
  detect(context): Hit[] {
    const { text } = context;
    const scorer = workScorer();
    const decision = flagWork(scorer, text, context);
    if (!decision) return [];
    return [
      {
        start: 0,
        end: text.length,
        value: text,
        confidence: decision.probability,
        // The explanation quotes `before` only when the context moved the decision.
        explanation: explainWork(
          scorer,
          text,
          decision.context > 0.05 ? context.before : '',
          decision,
        ),
      },
    ];
  },
  examples: {
    match: [
      { text: '[[Kannst du das Angebot für den Kunden bis Freitag fertig machen?]]', group: true },
      {
        text: '[[Die Rechnung für Auftrag 5512 ist immer noch offen, bitte beim Kunden nachhaken]]',
        group: true,
      },
      {
        text: '[[The client moved the project deadline, we need to update the plan]]',
        group: true,
      },
      { text: '[[Please send me the sales figures before the meeting tomorrow]]', group: true },
      { text: '[[客户要求周五前把报价单发过去]]', group: true },
      { text: '[[下午三点开项目会，请大家准备好进度汇报]]', group: true },
      {
        text: '[[Schaffen wir bis Montag?]]',
        before: 'Der Kunde will die Bestellung vorziehen, Lieferung schon nächste Woche',
        group: true,
        note: 'short reply, work context before',
      },
    ],
    noMatch: [
      { text: 'Wer kommt am Samstag mit zum Grillen?', group: true },
      { text: 'Alles Gute zum Geburtstag, lass dich feiern!', group: true },
      { text: 'Did anyone see the match last night?', group: true },
      { text: 'The kids are finally asleep, movie night?', group: true },
      { text: '周末一起去爬山吗？', group: true },
      { text: '妈妈问我们过年回不回家', group: true },
      {
        text: 'ok',
        before: 'Kannst du das Angebot für den Kunden bis Freitag fertig machen?',
        group: true,
        note: 'neutral acknowledgement after work talk',
      },
      { text: '收到', before: '客户要求周五前把报价单发过去', group: true },
      { text: '👍', before: 'Please send me the sales figures before the meeting', group: true },
    ],
  },
});
