import { describe } from 'vitest';
import minimumPurchase from '../../detectors/contract/minimum-purchase.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/minimum-purchase', () => {
  flags(minimumPurchase, [
    ['Mindestabnahme pro Quartal sind 2.000 Stück', 'Mindestabnahme pro Quartal sind 2.000 Stück'],
    ['Mindestbestellmenge liegt bei 250 kg', 'Mindestbestellmenge liegt bei 250 kg'],
    [
      'Abnahmeverpflichtung: 10.000 Stück pro Jahr, sonst Nachberechnung',
      'Abnahmeverpflichtung: 10.000 Stück',
    ],
    [
      'Der Kunde muss mindestens 5.000 Stück im Jahr abnehmen',
      'mindestens 5.000 Stück im Jahr abnehmen',
    ],
    ['Minimum order is 2,000 units per SKU', 'Minimum order is 2,000 units'],
    ['MOQ for the custom color is 5k pcs', 'MOQ for the custom color is 5k pcs'],
    ['Minimum annual volume is 50,000 units', 'Minimum annual volume is 50,000 units'],
    ['Our minimum is 1,000 pcs per order for custom prints', 'Our minimum is 1,000 pcs'],
    ['最小起订量是200套', '最小起订量是200套'],
    ['每个款式起订500件，可以混色', '起订500件'],
    ['最低订货量500箱，满2000箱再给5个点的返利', '最低订货量500箱'],
  ]);
  ignores(minimumPurchase, [
    'Die Mindestbestellung bei Lieferando ist 12 €',
    'Mindestalter für den Club ist 18',
    'Die Mindestmenge beim Rezept sind 200 g Mehl',
    'The minimum age is 21',
    'The minimum spend at the restaurant is $50 per person',
    'Free shipping on orders over $50',
    '起床了吗？',
    '我们一起去吃饭吧',
    '健身卡年费2000，最低办一年',
  ]);
});
