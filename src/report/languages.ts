/**
 * A cheap language guess for the report's `conversation.languages`: each message votes zh (enough
 * CJK characters), de (umlauts, ß or German stop words outnumbering English ones) or en (Latin
 * words otherwise). Languages with at least 10 % of the votes are reported, most votes first.
 */

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-zäöüß]+/giu;
const GERMAN_LETTER = /[äöüß]/i;
const GERMAN = new Set(
  'der die das und ist nicht ich du wir ihr sie ein eine einen dem den des mit für auf ist sind war bitte danke noch auch aber oder wenn dann schon mal heute morgen wie was wer wo kann können muss müssen haben hat habe bin bei vom zum zur ja nein gut genau doch'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the and is are was were you we they it this that to of in on for with have has had be will can would should please thanks thank yes no not what when where who how our your my me ok okay just'.split(
    ' ',
  ),
);

/** Messages looked at per conversation; the first ones are enough for a guess. */
const MAX_SAMPLED = 2000;
const MIN_SHARE = 0.1;

export class LanguageTally {
  private readonly votes = { zh: 0, de: 0, en: 0 };
  private sampled = 0;

  add(text: string): void {
    if (this.sampled >= MAX_SAMPLED || text.length === 0) return;
    const sample = text.length > 500 ? text.slice(0, 500) : text;
    const han = sample.match(HAN)?.length ?? 0;
    const words = sample.match(LATIN_WORD) ?? [];
    if (han === 0 && words.length === 0) return;
    this.sampled++;
    if (han >= 2 && han >= words.length) {
      this.votes.zh++;
      return;
    }
    if (words.length === 0) return;
    let de = 0;
    let en = 0;
    for (const word of words) {
      const lower = word.toLowerCase();
      if (GERMAN_LETTER.test(lower) || GERMAN.has(lower)) de++;
      if (ENGLISH.has(lower)) en++;
    }
    if (de > en) this.votes.de++;
    else if (en > 0 || words.length >= 2) this.votes.en++;
  }

  /** ISO 639-1 codes, most votes first. */
  result(): string[] {
    const total = this.votes.zh + this.votes.de + this.votes.en;
    if (total === 0) return [];
    return Object.entries<number>(this.votes)
      .filter(([, n]) => n > 0 && n / total >= MIN_SHARE)
      .sort((a, b) => b[1] - a[1])
      .map(([code]) => code);
  }
}
