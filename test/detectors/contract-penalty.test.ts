import { describe } from 'vitest';
import penalty from '../../detectors/contract/penalty.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/penalty', () => {
  flags(penalty, [
    [
      'Die wollen eine Vertragsstrafe von 0,5 % pro Woche Verzug, max. 5 %',
      'Vertragsstrafe von 0,5 % pro Woche',
    ],
    [
      'Bei Verzug werden 0,3 % des Auftragswerts pro Werktag fällig',
      '0,3 % des Auftragswerts pro Werktag',
    ],
    ['Die Pönale ist auf 5 % gedeckelt', 'Pönale ist auf 5 %'],
    ['Wir brauchen die Ware spätestens KW 18 beim Kunden, sonst Vertragsstrafe', 'Vertragsstrafe'],
    [
      'Penalty for late delivery is 0.5% per day up to 5%',
      'Penalty for late delivery is 0.5% per day',
    ],
    [
      'Late delivery penalty is 1% of the order value per week, capped at 10%',
      'Late delivery penalty is 1%',
    ],
    ['Liquidated damages of $5k per day of delay', 'Liquidated damages of $5k per day'],
    ['Late delivery costs us $2,000 per day under the contract', '$2,000 per day'],
    ['违约金按合同总额10%计算', '违约金按合同总额10%'],
    ['逾期一天扣合同金额的千分之三', '逾期一天扣合同金额的千分之三'],
    [
      '合同里写了，逾期交货每天按货款的千分之五支付违约金',
      ['逾期交货每天按货款的千分之五', '违约金'],
    ],
  ]);
  ignores(penalty, [
    'Die Strafe fürs Schwarzfahren sind 60 €',
    'Meine Mutter hat eine Strafe von 30 € bekommen, weil sie zu schnell war',
    'Das Fitnessstudio verlangt eine Strafe von 50 € bei Kündigung',
    'Die Bahn hat schon wieder 30 Minuten Verspätung',
    'Parking fine was $80',
    'The library fine is $0.25 per day late',
    'Late fee is $25 if rent is paid after the 5th',
    '违章停车罚了200',
    '违约了要赔钱的，你小心点',
    '赔偿金额以不超过合同金额为限',
  ]);
});
