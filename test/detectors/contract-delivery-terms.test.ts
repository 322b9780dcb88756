import { describe } from 'vitest';
import deliveryTerms from '../../detectors/contract/delivery-terms.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/delivery-terms', () => {
  flags(deliveryTerms, [
    ['Wir liefern DAP Wien, Zoll trägt der Kunde', 'DAP Wien'],
    ['Versand erfolgt FCA Frankfurt Flughafen', 'FCA Frankfurt Flughafen'],
    ['Incoterms EXW Stuttgart, Teillieferungen nur nach Absprache', 'EXW Stuttgart'],
    ['Die Ware geht ab Werk raus, Fracht zahlt der Kunde', 'ab Werk'],
    ['Anlieferung frei Baustelle, Abladen durch den Auftraggeber', 'frei Baustelle'],
    [
      'Lieferung bis spätestens 30.06., sonst springt der Kunde ab',
      'Lieferung bis spätestens 30.06.',
    ],
    [
      'Lieferzeit aktuell 12 Wochen, der Kunde braucht es aber in 8',
      'Lieferzeit aktuell 12 Wochen',
    ],
    ['Shipment terms are FOB Shenzhen, freight collect', 'FOB Shenzhen'],
    ['Lead time is 10-12 weeks from PO', 'Lead time is 10-12 weeks'],
    ['Delivery by end of March is critical for the customer', 'Delivery by end of March'],
    ['Goods must arrive by 15 May, otherwise the client can cancel the order', 'arrive by 15 May'],
    ['Delivery within 6 weeks of receipt of the purchase order', 'Delivery within 6 weeks'],
    ['交期最快也要45天', '交期最快也要45天'],
    ['交货期30天，FOB宁波，运费买方承担', ['交货期30天', 'FOB宁波', '运费买方承担']],
    ['CIF汉堡的价格是多少？', 'CIF汉堡'],
    ['交货地点：客户仓库，运费我方承担', ['交货地点', '运费我方承担']],
  ]);
  ignores(deliveryTerms, [
    'Lieferung von Zalando kommt morgen',
    'Bei IKEA gibt es Lieferung frei Haus ab 500 €',
    'Die Lieferzeit für unser neues Auto ist 6 Monate',
    'Paket von Amazon kommt morgen zwischen 8 und 12',
    'Auftrag 4711-2024 ist raus, Lieferung kommt Donnerstag',
    'Delivery guy left the package at the door',
    'Free delivery if you order before noon',
    'tracking number 1Z999AA10123456784, should be delivered tomorrow',
    'Reference: PO-2024-00871, qty 40, delivered to dock 3',
    'Der DAT-Report zum Gebrauchtwagen kam heute',
    '快递三天内送达',
    '运费15元，满99包邮',
  ]);
});
