import { describe, expect, it } from 'vitest';
import { asksForHuman, HUMAN_REQUEST_PATTERNS } from '../src/index.ts';

// Real ways people ask for a person, several per language, with the variants they type.
const ASKS: Record<string, string[]> = {
  en: ['I want to talk to a human', 'Can I speak with a real person?', 'agent please', 'HUMAN!!', 'connect me to a live agent', 'Let me talk to someone', 'I need a customer service representative', "you're not helping, get me a person"],
  'zh-CN': ['转人工', '我要人工客服', '能不能找个真人', '跟客服说话', '人工服务'],
  'zh-TW': ['我要找真人', '請幫我轉接客服人員', '跟專員說話', '人工客服'],
  ja: ['オペレーターと話したい', '担当者につないでください', '人と話したいです', '人間に代わって'],
  ko: ['상담원 연결해 주세요', '사람이랑 얘기하고 싶어요', '상담사와 통화하고 싶습니다', '직원 연결'],
  fr: ['Je veux parler à un humain', 'Puis-je parler avec un conseiller ?', 'parler a une vraie personne svp', 'service client'],
  de: ['Ich möchte mit einem Menschen sprechen', 'Bitte mit einem Mitarbeiter verbinden', 'einen echten Menschen bitte', 'Kundendienst bitte'],
  es: ['Quiero hablar con una persona', 'hablar con un agente humano', 'necesito un asesor', 'pásame con un operador'],
  'pt-BR': ['Quero falar com um atendente', 'falar com uma pessoa de verdade', 'preciso de atendimento humano', 'me passa para um humano'],
  ru: ['Хочу поговорить с оператором', 'соедините с живым человеком', 'позовите специалиста', 'можно поговорить с человеком?'],
  ar: ['أريد التحدث مع موظف', 'أريد التحدث مع شخص حقيقي', 'خدمة العملاء من فضلك'],
  hi: ['मुझे किसी इंसान से बात करनी है', 'एजेंट से बात कराओ', 'ग्राहक सेवा से जोड़ें', 'mujhe insaan se baat karni hai'],
  id: ['Saya mau bicara dengan manusia', 'tolong hubungkan ke cs', 'bisa ngobrol sama orang asli?', 'minta agen'],
  th: ['ขอคุยกับเจ้าหน้าที่', 'อยากคุยกับคน', 'ติดต่อพนักงานหน่อย'],
  vi: ['Tôi muốn nói chuyện với nhân viên', 'cho tôi gặp tư vấn viên', 'noi chuyen voi nguoi that', 'kết nối với tổng đài viên'],
};

// Questions that mention people or agents but are not asking for one.
const QUESTIONS = [
  'How do I restart my instance?',
  'How do I add a user to my team?',
  'How many people can use one account?',
  'What is a RAM user?',
  'Install the monitoring agent on my server',
  '如何重启实例',
  'インスタンスを再起動する方法',
  '인스턴스를 재시작하려면',
  'Comment purger le cache CDN ?',
  'Wie ändere ich den Instanztyp?',
  '¿Cómo creo una instantánea?',
  'Как сбросить пароль?',
];

describe('asking for a human', () => {
  it('has a tested phrase list for each of the 15 languages', () => {
    expect(Object.keys(HUMAN_REQUEST_PATTERNS).sort()).toEqual(Object.keys(ASKS).sort());
    expect(Object.keys(ASKS)).toHaveLength(15);
  });

  for (const [locale, phrases] of Object.entries(ASKS)) {
    it(`is understood in ${locale}`, () => {
      for (const p of phrases) expect(asksForHuman(p), p).toBe(true);
    });
  }

  it('is not mistaken in ordinary questions', () => {
    for (const q of QUESTIONS) expect(asksForHuman(q), q).toBe(false);
  });
});
