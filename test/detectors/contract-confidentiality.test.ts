import { describe } from 'vitest';
import confidentiality from '../../detectors/contract/confidentiality.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/confidentiality', () => {
  flags(confidentiality, [
    ['Geheimhaltungserklärung liegt beim Kunden zur Unterschrift', 'Geheimhaltungserklärung'],
    [
      'Bitte die Preise vertraulich behandeln, die Konkurrenz darf das nicht sehen',
      'vertraulich behandeln',
    ],
    [
      'Die Konditionen sind streng vertraulich, bitte nicht an die anderen Händler weitergeben',
      ['streng vertraulich', 'nicht an die anderen Händler weitergeben'],
    ],
    ['hier die Preisliste für Händler, bitte nicht weitergeben', 'nicht weitergeben'],
    ['NDA is signed, we can share the specs now', 'NDA'],
    [
      'This pricing is strictly confidential, do not forward it to other partners',
      ['strictly confidential', 'do not forward'],
    ],
    ['Please keep the pricing confidential, the other distributors get 5% less', 'confidential'],
    ['保密协议签了吗？签了我就把图纸发过去', '保密协议'],
    ['这个价格仅限贵司，请勿外传', '请勿外传'],
    ['这份报价请对外保密', '对外保密'],
    ['双方对合作内容负有保密义务', '保密义务'],
  ]);
  ignores(confidentiality, [
    'Das bleibt unter uns, okay?',
    'Hab mit meinem Bruder ausgemacht, dass das unter uns bleibt',
    'Keep it a secret, ok?',
    'Please keep this confidential, it is a surprise party',
    'Der Arzt hat Verschwiegenheitspflicht, keine Sorge',
    '这事你别告诉别人，保密啊',
    '这个秘密千万别外传',
    '这个独家秘方你可别说出去',
  ]);
});
