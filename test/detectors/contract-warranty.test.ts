import { describe } from 'vitest';
import warranty from '../../detectors/contract/warranty.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/warranty', () => {
  flags(warranty, [
    [
      'Gewährleistung 24 Monate ab Abnahme, danach Wartungsvertrag optional',
      'Gewährleistung 24 Monate',
    ],
    [
      'Die Gewährleistungsfrist beträgt 12 Monate ab Lieferung',
      'Gewährleistungsfrist beträgt 12 Monate',
    ],
    [
      'Auf die Maschinen geben wir 3 Jahre Garantie, Verschleißteile ausgenommen',
      '3 Jahre Garantie',
    ],
    [
      'Garantiezeit 24 Monate ab Inbetriebnahme, Verschleißteile 6 Monate',
      'Garantiezeit 24 Monate',
    ],
    ['Warranty is 18 months from shipment or 12 months from installation', 'Warranty is 18 months'],
    ['We agreed on a 2-year warranty for all installed systems', '2-year warranty'],
    [
      'Performance bond and warranty retention are in the contract',
      ['Performance bond', 'warranty retention'],
    ],
    ['质保期两年，易损件不在保修范围内', ['质保期两年', '保修']],
    ['整机质保三年，配件质保一年', ['质保三年', '质保一年']],
    ['设备保修期为验收合格后12个月', '保修期为验收合格后12个月'],
    ['质保金扣5%，一年后无质量问题退还', '质保金扣5%'],
  ]);
  ignores(warranty, [
    'Die Garantie für mein Handy ist abgelaufen',
    'Die Garantie von meinem Handy ist leider abgelaufen, Display kostet 180 €',
    'Meine Garantie beim Fahrrad läuft noch 2 Jahre',
    'Ich hab 2 Jahre Garantie auf das Sofa bekommen',
    'Wir haben 3 Jahre Garantie auf die Waschmaschine genommen',
    'Ja, 2 Jahre Garantie, steht auf dem Karton vom Fernseher',
    'the warranty on my laptop expired last week, screen repair is £180',
    'The TV comes with a 2-year warranty',
    'I guarantee you will love this movie',
    '手机保修期一年',
    '我的电脑保修期还有一年',
    '电动车质保三年',
  ]);
});
