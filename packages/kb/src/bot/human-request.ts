import { matchesAny, normalize } from './normalize.ts';

/*
 * "I want to talk to a human", in each of the widget's 15 languages. Matched
 * against every language, not only the UI's: people switch languages, and
 * English is typed everywhere. Latin-script phrases are written without
 * accents (they are matched on the accent-free form too). A phrase needs both
 * a person word and a wish to talk, or a word that only means "agent" in a
 * support chat, so "how do I add a user to my team" is not a request.
 */
const W = (s: string) => new RegExp(s, 'u');

export const HUMAN_REQUEST_PATTERNS: Readonly<Record<string, readonly RegExp[]>> = {
  en: [
    W(String.raw` (talk|speak|chat|connect|transfer|put|get|reach|escalate)( me)? (to|with|through to)? ?(a|an|the|some|real|actual|live)? ?(human|person|people|agent|someone|somebody|representative|rep|operator|support staff|staff|engineer|support team)s?\b`),
    W(String.raw` (real|live|actual) (person|human|agent|support|people)`),
    W(String.raw`^ (human|agent|operator|representative|real person|person)( please| pls| plz| now)? $`),
    W(String.raw` (i want|i need|i'd like|give me|let me talk to|can i get) (a |an )?(human|agent|person|operator|representative)\b`),
    W(String.raw` customer (service|support) (agent|rep|representative|person)`),
    W(String.raw` not a (bot|robot)`),
  ],
  'zh-CN': [W('人工'), W('真人'), W('客服(人员|专员)'), W('(找|要|联系|转)(个)?客服'), W('(和|跟|与)(人|客服)(说话|聊|沟通|对话)'), W('^ 客服 $')],
  'zh-TW': [W('真人'), W('人工'), W('客服(人員|專員)'), W('(找|要|聯絡|聯繫|轉|轉接)(個)?(客服|專員)'), W('(和|跟|與)(人|客服|專員)(說話|聊|溝通|對話)')],
  ja: [W('オペレーター'), W('オペレータ'), W('担当者'), W('有人'), W('人間'), W('(人|スタッフ|サポート)(と|に)(話|はな|相談|つない|繋)'), W('(窓口|サポートスタッフ)(に|へ)')],
  ko: [W('상담원'), W('상담사'), W('사람(과|이랑|하고|한테|이) ?(대화|얘기|이야기|통화|연결|상담)'), W('(직원|담당자|매니저)(와|과|랑|하고|한테|에게)? ?(연결|대화|통화|얘기)'), W('사람 ?(연결|바꿔)')],
  fr: [
    W(String.raw` (parler|discuter|echanger) (a|avec) (un|une|quelqu'un|quelqu un|un vrai|une vraie|le|la)? ?(humain|personne|conseiller|conseillere|agent|operateur|operatrice|quelqu'?un|support)`),
    W(String.raw` (un|une) (vrai|vraie) (personne|humain)`),
    W(String.raw` (service client|conseiller|operateur)( svp| s'il vous plait)? $`),
    W(String.raw` (je veux|je voudrais|j'aimerais) (un|une) (humain|conseiller|agent|personne)`),
  ],
  de: [
    W(String.raw` (mit|an) (einem|einer|einen|jemandem|jemand|einem echten|einer echten|einem menschlichen)? ?(menschen|mensch|mitarbeiter|mitarbeiterin|berater|beraterin|person|support|kundendienst|agenten|techniker)\b.*(sprechen|reden|verbinden|chatten|weiterleiten)`),
    W(String.raw` (echten|echte|echter|richtigen) (menschen|mensch|person|mitarbeiter)`),
    W(String.raw` (kundendienst|kundenservice|mitarbeiter|menschlichen support)( bitte)? $`),
    W(String.raw` (ich will|ich mochte|ich moechte|bitte) (einen|eine)? ?(menschen|mitarbeiter|berater)`),
  ],
  es: [
    W(String.raw` (hablar|comunicarme|conversar|chatear) con (una|un|alguien|algun|el|la)? ?(persona|humano|agente|asesor|asesora|operador|operadora|representante|ejecutivo|alguien|soporte)`),
    W(String.raw` (persona|agente) (real|humano|humana)`),
    W(String.raw` (quiero|necesito|pasame|paseme|comuniqueme) (con )?(un|una)? ?(humano|persona|agente|asesor|operador)`),
    W(String.raw` (atencion al cliente|servicio al cliente)( por favor)? $`),
  ],
  'pt-BR': [
    W(String.raw` (falar|conversar) com (um|uma|alguem|algum|o|a)? ?(humano|pessoa|atendente|agente|operador|consultor|alguem|suporte)`),
    W(String.raw` (pessoa|atendente|agente) (real|humano|humana|de verdade)`),
    W(String.raw` atendimento humano`),
    W(String.raw` (quero|preciso de|me passa para|me transfere para) (um|uma)? ?(humano|atendente|pessoa|agente)`),
  ],
  ru: [W('оператор'), W('живой человек|живым человеком|живого человека'), W('(поговорить|связаться|соединить|переключить|общаться)( меня)? с (человеком|оператором|специалистом|сотрудником|консультантом|менеджером|поддержкой)'), W('позовите (человека|оператора|специалиста)')],
  ar: [W('موظف'), W('شخص حقيقي'), W('انسان حقيقي|إنسان حقيقي'), W('(التحدث|التكلم|اتكلم|أتكلم|أتحدث|اتحدث|التواصل|تواصل) (مع|الى|إلى) (انسان|إنسان|شخص|موظف|وكيل|مندوب|الدعم)'), W('خدمة العملاء'), W('ممثل خدمة')],
  hi: [W('(इंसान|व्यक्ति|एजेंट|किसी|आदमी|मनुष्य|प्रतिनिधि|कर्मचारी) से (बात|संपर्क|जोड़)'), W('असली (व्यक्ति|इंसान)'), W('ग्राहक सेवा'), W('कस्टमर (केयर|सर्विस)'), W(String.raw` (insaan|insan|agent|bande|banda|aadmi|kisi) se (baat|bat)`), W(String.raw` (baat|bat) (karni|karna|karao|karwao) .*(insaan|insan|agent|banda|aadmi)`)],
  id: [
    W(String.raw` (bicara|berbicara|ngobrol|chat|hubungkan|sambungkan|terhubung|bicaranya) (dengan|sama|ke|ama)? ?(manusia|orang|agen|petugas|operator|cs|customer service|staf|admin|manusia asli)`),
    W(String.raw` (orang|manusia) (asli|sungguhan|beneran)`),
    W(String.raw` (mau|minta|ingin|tolong) (ke |dengan )?(cs|agen|operator|petugas|manusia)\b`),
  ],
  th: [W('(คุย|พูด|ติดต่อ|ต่อสาย|โอนสาย|ขอสาย)(กับ)?(คน|เจ้าหน้าที่|พนักงาน|แอดมิน|โอเปอเรเตอร์)'), W('ขอ(คุย|สาย)?(กับ)?(เจ้าหน้าที่|พนักงาน|แอดมิน)'), W('คนจริง'), W('โอเปอเรเตอร์')],
  vi: [
    W(String.raw` (noi chuyen|trao doi|lien he|gap|ket noi|chat|noi) (voi|toi|den)? ?(nguoi|nhan vien|tu van vien|tong dai vien|ho tro vien|admin|ban tu van|con nguoi)`),
    W(String.raw` (nguoi that|nguoi that su|nhan vien that)`),
    W(String.raw` (tong dai vien|cham soc khach hang)`),
    W(String.raw` (cho|muon|can) (gap|noi chuyen voi)? ?(nhan vien|tu van vien|nguoi that)`),
  ],
};

const ALL = Object.values(HUMAN_REQUEST_PATTERNS).flat();

/** True when the visitor asks for a person instead of the bot, in any of our languages. */
export function asksForHuman(text: string): boolean {
  return matchesAny(normalize(text), ALL);
}
