import { describe } from 'vitest';
import price from '../../detectors/contract/price.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/price', () => {
  flags(price, [
    [
      'Der Einkaufspreis liegt jetzt bei 3,75 € je Stück, zzgl. Fracht',
      'Einkaufspreis liegt jetzt bei 3,75 € je Stück',
    ],
    ['Auftragswert 48.000 € netto, Lieferung KW 14', 'Auftragswert 48.000 € netto'],
    ['Stückpreis wäre dann 0,87 €, bei 50.000 Stück', 'Stückpreis wäre dann 0,87 €'],
    ['Sonderpreis für Kunde Lehmann: 89 € statt 109 €', 'Sonderpreis für Kunde Lehmann: 89 €'],
    ['Preis pro Palette 420 €, Lieferung ab Lager Bremen', 'Preis pro Palette 420 €'],
    [
      { text: 'Wir bieten 14,90 € pro Einheit an', before: 'Kunde Huber fragt nach dem Preis' },
      '14,90 € pro Einheit',
    ],
    ['Stückpreis 4,20 netto für den Kunden', 'Stückpreis 4,20 netto'],
    [
      'Unit cost came down to $3.10 after renegotiation with the supplier',
      'cost came down to $3.10',
    ],
    ['They accepted $7.20 a unit for the 10k batch', '$7.20 a unit'],
    ['Our best price is EUR 1,050 per ton CFR Antwerp', 'price is EUR 1,050 per ton CFR Antwerp'],
    ['Quote for Acme Ltd: $12,300 for 2,000 units, valid 30 days', 'Quote for Acme Ltd: $12,300'],
    ['这批货单价12.5元，不含税', '单价12.5元，不含税'],
    ['出厂价每吨3800元，含税价4300', '出厂价每吨3800元，含税价4300'],
    ['客户要求单价降到9.8元，否则不下单', '单价降到9.8元'],
    ['样品费200元，下大货时退还', '样品费200元'],
    ['供应商说下个月开始涨价5%', '涨价5%'],
    ['Für euch als Bestandskunde: 19,90 statt 24,90 pro Lizenz', '19,90 statt 24,90 pro Lizenz'],
    ['MOQ sind 1.000 Einheiten, darunter 15 % Aufschlag auf den Stückpreis', '15 % Aufschlag'],
    ['Garantieverlängerung kostet beim Kunden Hagedorn 4 % vom Nettopreis', '4 % vom Nettopreis'],
    ['Preiserhöhung von 4 % ab Januar, sagt der Lieferant', 'Preiserhöhung von 4 %'],
  ]);
  ignores(price, [
    'Der Kaffee kostet hier 4,50, Wahnsinn',
    'Ich bestelle 2 Pizzen für 8,50 € pro Stück',
    'Hotelzimmer kostet 89 € pro Nacht',
    'Im Angebot: Erdbeeren 1,99 € die Schale',
    'Lidl hat Bier im Angebot, 0,79 € die Flasche',
    'Die Rechnung über 1.189,50 € ist bezahlt, Beleg liegt im Ordner',
    'Umsatz letztes Jahr: 1.234.567,89 EUR, Meeting in Raum 4.012',
    'Mein Kostenvoranschlag von der Werkstatt: 640 € inkl. MwSt',
    'movie tonight? tickets are £12.90 each',
    'We got a quote from the moving company: $1,800',
    'The team lunch costs $15 each, I will collect',
    'pizza was $19.50 + tip, venmo me half',
    '总价￥12,345.00，含运费',
    '运费15元，满99包邮',
    '电影票45一张，我先买了',
    '我在星巴克，中杯拿铁32元',
    '报价单_2025_03.xlsx',
    'Rechnungsnr. 2024031499 bitte bei der Überweisung angeben, Betrag 1.250,00 €',
    '发票已开，金额12,800元，请查收',
    { text: 'Kunde hat 500 € überwiesen', before: 'Rechnung 4711' },
  ]);
});
