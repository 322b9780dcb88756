import { describe } from 'vitest';
import contractDocument from '../../detectors/contract/contract-document.js';
import { flags, ignores } from './contract-helpers.js';

describe('contract/contract-document', () => {
  flags(contractDocument, [
    ['Angebot_Firma_Keller_2025.pdf (Datei angehängt)', 'Angebot_Firma_Keller_2025.pdf'],
    [
      '‎Rahmenvertrag_Schneider_GmbH_final_unterschrieben.pdf (Datei angehängt)',
      'Rahmenvertrag_Schneider_GmbH_final_unterschrieben.pdf',
    ],
    [
      {
        text: 'Rahmenvertrag.pdf • 12 Seiten <angehängt: 00000031-Rahmenvertrag.pdf>',
        attachment: '00000031-Rahmenvertrag.pdf',
      },
      'Rahmenvertrag.pdf',
    ],
    [{ text: '[文件]', attachment: '购销合同_2024.docx' }, '购销合同_2024.docx'],
    ['Ich schick dir gleich den unterschriebenen Rahmenvertrag', 'unterschriebenen Rahmenvertrag'],
    ['Ich hab dir das Angebot als PDF geschickt, bitte bis Freitag prüfen', 'Angebot als PDF'],
    ['Attached: Quotation_Q-2291.pdf', 'Quotation_Q-2291.pdf'],
    [
      '‎Master_Service_Agreement_Northwind_v4_redline.docx (file attached)',
      'Master_Service_Agreement_Northwind_v4_redline.docx',
    ],
    ['I have sent the draft contract to their legal team', 'sent the draft contract'],
    [
      'Can you send me the latest price list? The client wants to compare',
      'send me the latest price list',
    ],
    ['报价单_2025_03.xlsx', '报价单_2025_03.xlsx'],
    ['合同我已经盖章了，明天快递给你', '合同我已经盖章'],
    ['报价单已经发到你们采购邮箱了', '报价单已经发到你们采购邮箱'],
    ['客户新地址在北京，合同寄这里', '合同寄这'],
    ['Hab dir die NDA mit der Brenner AG als PDF geschickt', 'NDA mit der Brenner AG als PDF'],
    [
      'Sent you the mutual NDA for Brightline, please sign and return by Monday',
      ['Sent you the mutual NDA', 'sign and return'],
    ],
    ['框架协议续签了，扫描件见附件', '协议续签了，扫描件'],
  ]);
  ignores(contractDocument, [
    'IMG-20250302-WA0035.jpg (Datei angehängt)',
    { text: '<Medien ausgeschlossen>' },
    'Hier mein Mietvertrag.pdf, kannst du drüberschauen?',
    'Rechnung_Handy.pdf',
    'Urlaubsfotos_Mallorca.zip',
    'Wir haben den Vertrag für die Wohnung unterschrieben!! Einzug 1.8.',
    'Mein Arbeitsvertrag ist unterschrieben, ich fang im Mai an!',
    'we signed the lease for the apartment!! moving in Aug 1',
    'I signed the contract for the new apartment!',
    '租房合同签了，下个月搬',
    '合同的事明天再说吧，我今天累了',
    '报价单我还没看，等我回办公室',
    '报价单我发给老板看了，等他回复',
    '旅游攻略.docx 发你了',
  ]);
});
