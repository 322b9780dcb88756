import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { GROUP_ONLY_TYPES, workDetectors } from '../../detectors/work/index.js';
import workDiscussion from '../../detectors/work/work-discussion.js';
import { ConversationScanner } from '../../src/detect/run-detectors.js';
import type { Message } from '../../src/model/conversation.js';
import { decideWork, explainWork } from '../../src/work/classify.js';
import { workScorer } from '../../src/work/model.js';

function message(index: number, text: string, sender = 'A'): Message {
  return { index, line: index + 1, timestamp: '2024-05-02T10:00:00', sender, kind: 'text', text };
}

/** Scans a conversation and returns the work findings per message text. */
function scan(texts: string[], isGroup = true) {
  const scanner = new ConversationScanner([workDiscussion], {
    id: 'c',
    isGroup,
    platform: 'whatsapp',
  });
  return texts.map((text, i) => ({ text, found: scanner.scan(message(i, text)) }));
}

describe('work/work-discussion', () => {
  it('is registered, and its type is group-only', () => {
    expect(detectors).toContain(workDiscussion);
    expect(workDetectors).toEqual([workDiscussion]);
    expect(GROUP_ONLY_TYPES.has(workDiscussion.type)).toBe(true);
    expect(workDiscussion.category).toBe('work');
    expect(workDiscussion.type).toBe('work-discussion');
  });

  it('reports the whole message with the probability as confidence and the work words', () => {
    const text = 'Kannst du das Angebot für den Kunden bis Freitag fertig machen? 👍';
    const [result] = scan([text]);
    expect(result!.found).toHaveLength(1);
    const f = result!.found[0]!;
    expect([f.start, f.end]).toEqual([0, text.length]);
    expect(f.category).toBe('work');
    expect(f.confidence).toBeGreaterThanOrEqual(workScorer().threshold);
    expect(f.explanation).toMatch(/^work words: .*Angebot.* \(p=(0|1)\.\d\d\)$/);
    expect(f.explanation).toContain('Kunden');
  });

  it('names CJK words, not overlapping pairs or single characters', () => {
    const [result] = scan(['客户要求周五前把报价单发过去']);
    const explanation = result!.found[0]!.explanation;
    expect(explanation).toMatch(/^work words: /);
    expect(explanation).toContain('客户');
    expect(explanation).toContain('报价');
    expect(explanation).not.toContain('户要');
  });

  it('never flags short neutral messages, even right after work talk', () => {
    const work = [
      'Kannst du das Angebot für den Kunden bis Freitag fertig machen?',
      'Please send me the sales figures before the client meeting tomorrow',
      '客户要求周五前把报价单发过去',
    ];
    for (const before of work) {
      for (const neutral of [
        'ok',
        '👍',
        '收到',
        'danke',
        'Alles klar',
        'thanks!',
        '好的',
        'Super, danke dir',
      ]) {
        const results = scan([before, neutral]);
        expect(results[0]!.found, before).toHaveLength(1);
        expect(results[1]!.found, `${neutral} after ${before}`).toEqual([]);
      }
    }
  });

  it('uses the preceding messages for short replies, both ways', () => {
    const reply = 'Schaffen wir bis Montag?';
    const afterWork = scan([
      'Der Kunde will die Bestellung vorziehen, Lieferung schon nächste Woche',
      reply,
    ])[1]!.found;
    expect(afterWork).toHaveLength(1);
    expect(afterWork[0]!.explanation).toMatch(/short message after work talk: .*Kunde/);
    const afterParty = scan(['Wer bringt Salat zur Party mit? Ich mach den Kuchen', reply])[1]!;
    expect(afterParty.found).toEqual([]);

    const scorer = workScorer();
    const zh = '周一之前能搞定吗？';
    expect(
      decideWork(
        scorer,
        'Can we make it by Monday?',
        'Who is bringing salad to the party? I will bake the cake',
      ).flagged,
    ).toBe(false);
    expect(decideWork(scorer, zh, '').context).toBe(0);
  });

  it('does not use context for long messages', () => {
    const scorer = workScorer();
    const long =
      'Wir fahren am Wochenende mit den Kindern an den See und grillen abends mit den Nachbarn';
    const alone = decideWork(scorer, long, '');
    const after = decideWork(
      scorer,
      long,
      'Der Kunde will das Angebot bis Freitag, Rechnung folgt',
    );
    expect(after).toEqual(alone);
    expect(alone.flagged).toBe(false);
  });

  it('leaves private talk alone', () => {
    const texts = [
      'Wer kommt am Samstag mit zum Grillen? Ich bring Würstchen mit',
      'Happy birthday Lisa, have an amazing day! 🎂',
      'The kids are finally asleep, movie night?',
      '周末一起去爬山吗？天气预报说是晴天',
      '妈妈问我们过年回不回家',
    ];
    for (const { text, found } of scan(texts)) expect(found, text).toEqual([]);
  });

  it('does not look at isGroup itself: the scan pipeline drops group-only types', () => {
    const text = 'The client moved the project deadline, we need to update the plan';
    expect(scan([text], false)[0]!.found).toHaveLength(1);
    expect(scan([text], true)[0]!.found).toHaveLength(1);
  });

  it('explains with the probability it decided on', () => {
    const scorer = workScorer();
    const text = 'Die Rechnung für Auftrag 5512 ist immer noch offen, bitte beim Kunden nachhaken';
    const decision = decideWork(scorer, text, '');
    expect(decision.flagged).toBe(true);
    expect(explainWork(scorer, text, '', decision)).toContain(
      `(p=${decision.probability.toFixed(2)})`,
    );
    // Numbers never appear as work words.
    expect(explainWork(scorer, text, '', decision)).not.toMatch(/5512/);
  });
});
