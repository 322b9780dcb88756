import { describe } from 'vitest';
import paymentTerms from '../../detectors/contract/payment-terms.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/payment-terms', () => {
  flags(paymentTerms, [
    ['Zahlungsziel 30 Tage netto, so steht es im Rahmenvertrag', 'Zahlungsziel 30 Tage'],
    [
      'Konditionen für Müller: 3 % Skonto bei Zahlung binnen 8 Tagen, sonst 30 Tage netto',
      ['3 % Skonto bei Zahlung binnen 8 Tagen', '30 Tage netto'],
    ],
    [
      'Zahlung 50 % bei Auftragserteilung, Rest nach Lieferung',
      ['50 % bei Auftragserteilung', 'Rest nach Lieferung'],
    ],
    ['Der neue Kunde zahlt 60 Tage nach Rechnung, das ist zu lang', '60 Tage nach Rechnung'],
    ['Der Lieferant will jetzt Vorkasse für die nächste Charge', 'Vorkasse'],
    ['Die Anzahlung von 20 % ist bei Auftragserteilung fällig', 'Anzahlung von 20 %'],
    ['Their standard terms say net 45', 'net 45'],
    ['Customer asked for 90-day payment terms, finance says no', '90-day payment terms'],
    ['Payment: Letter of credit at sight', 'Letter of credit'],
    ['The supplier wants 30% down payment before they start production', '30% down payment'],
    ['Invoice payable within 45 days of receipt', 'payable within 45 days'],
    ['月结30天，开增值税专用发票', '月结30天'],
    ['这个客户要求货到30天后付款', '货到30天后付款'],
    ['甲方应在验收合格后30日内支付合同价款', '验收合格后30日内支付'],
    ['付款方式：预付30%，发货前付清尾款70%', ['付款方式', '预付30%', '发货前付清尾款70%']],
    ['新供应商要求30%预付款，余款发货前付清', ['30%预付款', '余款发货前付清']],
  ]);
  ignores(paymentTerms, [
    'Kontonummer für die Anzahlung: DE14 1206 3643 3182 4434 98, Verwendungszweck Auftrag 4471',
    'Zahl mir die 30 € einfach später zurück',
    'Ich zahle die 50 € Anzahlung für die Ferienwohnung morgen',
    'Der Handwerker gibt 2 % Skonto, wenn ich sofort zahle',
    'Pay within 14 days or they charge a late fee, says the dentist',
    'Our wedding venue needs a 30% deposit by Friday',
    'Payment is due on the 1st, do not forget',
    'My landlord wants 2 months deposit',
    '房租每月4500，押一付三',
    '婚庆公司要先付30%定金',
    '快递费12元，到付',
  ]);
});
