import { describe } from 'vitest';
import exclusivity from '../../detectors/contract/exclusivity.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/exclusivity', () => {
  flags(exclusivity, [
    ['Sie wollen Gebietsschutz für Norddeutschland', 'Gebietsschutz'],
    ['Wir wären dann exklusiver Vertriebspartner in Österreich', 'exklusiver Vertriebspartner'],
    [
      'Der Händlervertrag gibt ihnen Alleinvertriebsrechte für die Schweiz',
      'Alleinvertriebsrechte',
    ],
    ['Sie bieten uns den Exklusivvertrieb für die DACH-Region an', 'Exklusivvertrieb'],
    ['Vertriebsgebiet exklusiv für die Firma Hansen, 3 Jahre', 'exklusiv'],
    ["We'd be their sole distributor in Canada", 'sole distributor'],
    ['They want exclusive distribution rights for the UK and Ireland', 'exclusive distribution'],
    ['They want exclusivity in Germany for 2 years', 'exclusivity in Germany'],
    ['We signed exclusivity with them for the medical segment', 'signed exclusivity'],
    ['我们是他们在西南地区的独家经销商', '独家经销'],
    ['代理期间不得销售竞争对手的产品', '不得销售竞争'],
  ]);
  ignores(exclusivity, [
    'Exklusiv für dich: mein Geheimrezept',
    'Exklusive Vorpremiere im Kino, kommst du mit?',
    'Exklusiv für Abonnenten: das neue Video!',
    'Exclusive: first look at the new iPhone',
    'This club is so exclusive, I love it',
    '这是他们的独家报道',
    '这个独家秘方你可别说出去',
  ]);
});
