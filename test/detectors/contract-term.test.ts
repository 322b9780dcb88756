import { describe } from 'vitest';
import term from '../../detectors/contract/term.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/term', () => {
  flags(term, [
    [
      'Laufzeit 36 Monate, Kündigungsfrist 6 Monate zum Jahresende',
      ['Laufzeit 36 Monate', 'Kündigungsfrist 6 Monate'],
    ],
    [
      'Kündigungsfrist beim Wartungsvertrag sind 3 Monate zum Quartalsende',
      'Kündigungsfrist beim Wartungsvertrag sind 3 Monate',
    ],
    ['Das Angebot gilt 30 Tage, danach neue Kalkulation', 'Angebot gilt 30 Tage'],
    [
      'Der Vertrag läuft bis 31.12.2026 und verlängert sich um jeweils ein Jahr',
      'Vertrag läuft bis 31.12.2026',
    ],
    ['Kündigung des Rahmenvertrags nur mit 6 Monaten Frist zum Jahresende', '6 Monaten Frist'],
    [
      'Initial term 3 years, auto-renews unless terminated',
      ['Initial term 3 years', 'auto-renews'],
    ],
    ['The framework agreement runs until December 2027', 'agreement runs until December 2027'],
    [
      "Either party may terminate with three months' written notice",
      "three months' written notice",
    ],
    ['The contract has a 60-day termination notice', '60-day termination notice'],
    ['合同期限两年，期满自动续签', ['合同期限两年', '自动续签']],
    [
      '合同到期后自动续约一年，除非提前60天书面通知',
      ['合同到期后自动续约一年', '提前60天书面通知'],
    ],
    ['报价有效期30天', '报价有效期30天'],
    ['本合同有效期自2025年1月1日至2026年12月31日', '有效期自2025年1月1日'],
  ]);
  ignores(term, [
    'Urlaub verlängert! Bleiben noch eine Woche auf Mallorca',
    'Ich habe meinen Handyvertrag gekündigt, Kündigungsfrist 3 Monate',
    'Die Mindestlaufzeit beim Handy ist 24 Monate',
    'Das Fitnessstudio hat eine Mindestlaufzeit von 12 Monaten',
    'Unser Kredit hat eine Laufzeit von 20 Jahren',
    'Meine Krankenkasse hat eine Kündigungsfrist von 2 Monaten',
    'Handyvertrag bei der Telekom läuft aus, 39,99 im Monat ist mir zu teuer',
    'My gym contract renews automatically, need to cancel',
    'My Amazon Prime renews automatically every year',
    'Our phone plan has a 24-month term',
    'The apartment lease is 12 months with 2 months notice',
    '健身卡到期了，要不要续约？',
    '房子租期两年，提前一个月通知房东',
    '车险到期了要续保',
  ]);
});
