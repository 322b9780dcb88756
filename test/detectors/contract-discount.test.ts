import { describe } from 'vitest';
import discount from '../../detectors/contract/discount.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/discount', () => {
  flags(discount, [
    ['Kunde Weber akzeptiert 9 % Nachlass, wenn wir bis KW 20 liefern', '9 % Nachlass'],
    ['Die Konditionen für Händler: 30 % unter UVP', '30 % unter UVP'],
    ['Ab 1.000 Stück gibt es 5 % Mengenrabatt', '5 % Mengenrabatt'],
    ['Für Großkunden gibt es 15 % Rabatt auf den Listenpreis', '15 % Rabatt'],
    ['Bei Abnahme von 2000 Stk können wir 8 % Rabatt auf den Listenpreis geben', '8 % Rabatt'],
    ['Volume rebate of 3% kicks in above $1M annual spend', 'Volume rebate of 3%'],
    ['Distributor margin is 25% off the retail price', '25% off the retail price'],
    ['We can offer 12% off list price if they commit to the annual volume', '12% off list price'],
    ['年采购额超过100万返3个点', '返3个点'],
    ['给经销商的价格是零售价的七折', '零售价的七折'],
    ['大客户可以给到8折', '8折'],
    ['供应商同意降价3%，但是要签一年的合同', '降价3%'],
  ]);
  ignores(discount, [
    'Hab 20 % Rabatt auf die Schuhe bekommen',
    'Bei Lidl gibt es heute 20 % Rabatt auf Bier',
    'Die Rabattaktion im Baumarkt läuft bis Sonntag, 15 % auf alles',
    'Der Yogakurs kostet 89 € für 8 Termine, Mitglieder kriegen 10 % Rabatt',
    'Ich hab beim Kundenservice angerufen, die geben mir 10 % Rabatt',
    'Got 30% off at Zara today',
    'Tesco has 20% off beer today',
    'The car dealer offered 5% off if we pay cash',
    'I got a 10% discount with my student card',
    '这件衣服打完折才99',
    '双十一淘宝打八折，买了一堆东西',
    '上次说的那家店打五折，去不去',
    '外卖满30减5',
  ]);
});
