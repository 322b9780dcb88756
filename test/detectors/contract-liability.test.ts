import { describe } from 'vitest';
import liability from '../../detectors/contract/liability.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/liability', () => {
  flags(liability, [
    [
      'Haftung ist auf den Auftragswert begrenzt, Folgeschäden ausgeschlossen',
      ['Haftung ist auf den Auftragswert begrenzt', 'Folgeschäden'],
    ],
    [
      'Unsere Haftung ist auf 500.000 € pro Schadensfall begrenzt',
      'Haftung ist auf 500.000 € pro Schadensfall begrenzt',
    ],
    ['Für Schäden haften wir maximal bis 250.000 €', 'haften wir maximal bis 250.000 €'],
    [
      'Wir haften nur bei Vorsatz und grober Fahrlässigkeit',
      ['haften nur', 'Vorsatz und grober Fahrlässigkeit'],
    ],
    ['Die Haftung für leichte Fahrlässigkeit schließen wir komplett aus', 'leichte Fahrlässigkeit'],
    [
      'Supplier liability capped at twice the annual contract value',
      'liability capped at twice the annual contract value',
    ],
    [
      'Our total liability shall not exceed the fees paid in the last 12 months',
      'liability shall not exceed the fees paid',
    ],
    ['Their legal team insists on uncapped liability for data breaches', 'uncapped liability'],
    ['They want us to indemnify them for any IP claims', 'indemnify'],
    ['我方赔偿责任不超过合同总价的20%', '赔偿责任不超过合同总价'],
    ['赔偿责任以合同总金额为上限，间接损失不赔', ['赔偿责任以合同总金额为上限', '间接损失']],
  ]);
  ignores(liability, [
    'Eltern haften für ihre Kinder',
    'Haftpflicht zahlt den Schaden am Auto',
    'Meine Haftpflichtversicherung zahlt den Schaden',
    "The airline's liability is limited to $1,500 per bag",
    'My insurance has a deductible of $500',
    '本店对顾客丢失物品不承担责任',
    '保险公司说最多赔80%',
  ]);
});
