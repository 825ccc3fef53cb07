import type { Article } from '../types.ts';
import { matchesAny, normalize } from './normalize.ts';

/** A ticket's priority (structurally the protocol's): P0 is the most urgent. */
export type Priority = 'P0' | 'P1' | 'P2' | 'P3';

/** The part of a context snapshot classification reads (structurally the protocol's ContextSnapshot). */
export interface ClassifyContext {
  product?: string | undefined;
  errorCodes?: readonly string[] | undefined;
  /** Plan or SLA tier, pushed by the host. */
  plan?: string | undefined;
  /** The rest of the snapshot, not read. */
  readonly [other: string]: unknown;
}

/** The categories tickets are sorted into. Hosts may use others: anything the KB's products map to. */
export const CATEGORIES = ['compute', 'storage', 'network', 'security', 'billing', 'account', 'monitoring'] as const;

/** KB products → category. Unknown products are their own category only if listed here. */
export const PRODUCT_CATEGORIES: Readonly<Record<string, string>> = {
  ecs: 'compute',
  compute: 'compute',
  disk: 'storage',
  oss: 'storage',
  storage: 'storage',
  vpc: 'network',
  cdn: 'network',
  dns: 'network',
  slb: 'network',
  network: 'network',
  ram: 'security',
  security: 'security',
  kms: 'security',
  billing: 'billing',
  account: 'account',
  monitor: 'monitoring',
};

const W = (s: string) => new RegExp(s, 'u');

/** Words that name a category, in the KB's languages and a few more. */
const CATEGORY_WORDS: ReadonlyArray<[string, readonly RegExp[]]> = [
  ['billing', [W(String.raw` (bill|billing|invoice|invoices|charge|charged|charges|refund|payment|paid|pay|credit card|overdue|subscription|factura|facture|rechnung|cobranca|fatura)\b`), W('счет|оплат'), W('账单|扣费|费用|退款|发票|付款|欠费|請求|課金|支払|返金|청구|결제|환불|요금')]],
  ['security', [W(String.raw` (hacked|compromised|breach|leaked|stolen|access key|accesskey|secret key|ram user|permission|permissions|mfa|2fa|unauthori[sz]ed|phishing|vulnerability)\b`), W('被黑|泄露|入侵|密钥|权限|ハッキング|漏洩|不正アクセス|アクセスキー|権限|해킹|유출|권한|액세스 키')]],
  ['account', [W(String.raw` (password|log ?in|sign ?in|account|locked out|verify my|verification|quota)\b`), W('密码|登录|账号|账户|配额|パスワード|ログイン|アカウント|クォータ|비밀번호|로그인|계정|할당량')]],
  ['storage', [W(String.raw` (bucket|buckets|object storage|oss|upload|download|disk|disks|volume|snapshot|snapshots|file|files|storage)\b`), W('存储|桶|上传|下载|磁盘|云盘|快照|ストレージ|バケット|アップロード|ディスク|スナップショット|스토리지|버킷|업로드|디스크|스냅샷')]],
  ['network', [W(String.raw` (vpc|subnet|security group|firewall|port|dns|domain|cdn|cache|nat|eip|elastic ip|ip address|latency|timeout|timed out|unreachable|ssl|https|certificate)\b`), W('网络|子网|安全组|端口|域名|解析|缓存|证书|ネットワーク|サブネット|セキュリティグループ|ポート|ドメイン|キャッシュ|証明書|네트워크|서브넷|보안 그룹|포트|도메인|캐시|인증서')]],
  ['compute', [W(String.raw` (instance|instances|server|servers|vm|virtual machine|ecs|cpu|memory|reboot|restart|ssh|boot)\b`), W('实例|服务器|重启|云主机|インスタンス|サーバー|再起動|인스턴스|서버|재시작|재부팅')]],
  ['monitoring', [W(String.raw` (alarm|alert|alerts|monitoring|metric|metrics)\b`), W('告警|报警|监控|アラーム|アラート|監視|알람|경보|모니터링')]],
];

/*
 * How urgent the words sound. "Production is down" outranks "how do I".
 * Urgent phrases need both a scope word and a failure word in some languages
 * ("all users" + "cannot"), so a calm "how do I add all users to a group"
 * stays a question.
 */
const URGENT: readonly RegExp[] = [
  W(String.raw` (production|prod|live site|website|site|service|api|app|application|everything|all (of )?(our|my)? ?(services|servers|instances|sites)) (is|are)? ?(down|offline|unreachable|unavailable|broken)\b`),
  W(String.raw` (outage|outages|downtime|data loss|lost (all|our) data|emergency|urgent|critical|sev ?1|p0|asap)\b`),
  W(String.raw` (all|every|most) (of )?(our |my )?(users|customers|clients|regions)\b.*\b(can ?n[o']?t|cannot|unable|fail|failing|down|error|errors|affected)`),
  W(String.raw` (can ?n[o']?t|cannot|unable to) .*\b(all|every|any) (users|customers)\b`),
  W('生产(环境)?.*(宕机|挂了|崩溃|不可用|中断|故障)|宕机|故障|大面积|所有用户|全部用户|紧急|数据丢失|線上|生產.*(當機|掛了)|當機'),
  W('本番.*(停止|ダウン|落ち|障害|使えない)|障害|緊急|全ユーザー|全てのユーザー|すべてのユーザー|サービス停止|データ消失'),
  W('장애|운영 ?(서버|환경)?.*(다운|중단|마비)|서비스 ?(다운|중단|마비)|모든 (사용자|고객)|긴급|데이터 손실'),
  W(String.raw` (panne|en panne|hors service|urgence|urgent|tous (les|nos) (utilisateurs|clients)|production .*(arretee|tombee|down))`),
  W(String.raw` (ausfall|ausgefallen|notfall|dringend|alle (nutzer|kunden|benutzer)|produktion .*(down|steht|ausgefallen))`),
  W(String.raw` (caida|caido|se cayo|fuera de servicio|urgente|todos (los|nuestros) (usuarios|clientes)|produccion .*(caida|abajo|down))`),
  W(String.raw` (fora do ar|caiu|indisponivel|urgente|todos os (usuarios|clientes)|producao .*(parada|caiu|fora))`),
  W('не работает|упал|лежит|сбой|авари|срочно|все пользователи|продакшн|потеря данных'),
  W('معطل|انقطاع|عطل|عاجل|جميع المستخدمين|كل المستخدمين|توقف الخدمة'),
  W('डाउन|बंद हो गया|आउटेज|तत्काल|सभी उपयोगकर्ता|सभी यूज़र|ज़रूरी'),
  W(String.raw` (mati total|tidak bisa diakses|down semua|gangguan|darurat|mendesak|semua (pengguna|user))`),
  W('ล่ม|ใช้งานไม่ได้ทั้งหมด|ด่วน|ผู้ใช้ทั้งหมด|ระบบล่ม'),
  W(String.raw` (sap|bi sap|ngung hoat dong|khan cap|gap|tat ca nguoi dung|mat du lieu)\b`),
];

/** "How do I…": a question about usage, not a failure. */
const HOW_TO: readonly RegExp[] = [
  W(String.raw` (how (do|can|to|should) (i|we)|how to|is it possible|can i|where (do|can) i|what is|what's the (best|right) way|documentation for)\b`),
  W('怎么|如何|怎样|能否|可以.*吗|どうやって|方法|どうすれば|할 수 있|어떻게|방법'),
  W(String.raw` (comment (faire|puis je)|wie kann ich|como (puedo|hago|faco|posso)|как (мне|сделать|можно)|bagaimana cara|cach nao|lam sao)`),
];

/** Plan or support tier words → how much the tier raises (+) or lowers (−) the priority. */
const PLAN_SHIFT: ReadonlyArray<[RegExp, number]> = [
  [/enterprise|premium|platinum|business[- ]?critical|gold|mission/i, 1],
  [/free|trial|basic|developer|hobby|starter/i, -1],
];

const ORDER: readonly Priority[] = ['P0', 'P1', 'P2', 'P3'];

export interface Classification {
  /** `null` when nothing points to one. */
  category: string | null;
  tags: string[];
  priority: Priority;
}

export interface ClassifyInput {
  /** What the visitor wrote, oldest first. */
  texts: readonly string[];
  /** Articles the bot answered with (their products say what the question was about). */
  articles: ReadonlyArray<Pick<Article, 'id' | 'products'>>;
  context: ClassifyContext;
}

const field = (context: ClassifyContext, name: string): unknown => (context as Record<string, unknown>)[name];
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

/** The category of one text by its words, or `null`. */
export function categoryOfText(text: string): string | null {
  const t = normalize(text);
  for (const [category, patterns] of CATEGORY_WORDS) if (matchesAny(t, patterns)) return category;
  return null;
}

/** How urgent the words are: `urgent`, `howto` or `neutral`. */
export function urgencyOf(text: string): 'urgent' | 'howto' | 'neutral' {
  const t = normalize(text);
  if (matchesAny(t, URGENT)) return 'urgent';
  if (matchesAny(t, HOW_TO)) return 'howto';
  return 'neutral';
}

/**
 * Priority from the words and the plan: an outage is P1 (P0 on a premium
 * plan), a "how do I" is P3, anything else P2; a free plan lowers by one.
 */
export function priorityOf(texts: readonly string[], plan: string | undefined): Priority {
  const urgencies = texts.map(urgencyOf);
  let rank = urgencies.includes('urgent') ? 1 : urgencies.length > 0 && urgencies.every((u) => u === 'howto') ? 3 : 2;
  const shift = plan ? (PLAN_SHIFT.find(([re]) => re.test(plan))?.[1] ?? 0) : 0;
  rank = Math.min(3, Math.max(0, rank - shift));
  return ORDER[rank] ?? 'P2';
}

/**
 * Category, tags and priority for a ticket, from the conversation and where
 * the user is: the words first (the newest question that names one), then the
 * answered articles' products, then the page's product.
 */
export function classify(input: ClassifyInput): Classification {
  const { texts, articles, context } = input;
  let category: string | null = null;
  for (let i = texts.length - 1; i >= 0 && !category; i--) category = categoryOfText(texts[i] ?? '');
  const products = articles.flatMap((a) => a.products);
  const pageProduct = str(field(context, 'product'));
  if (!category) category = products.map((p) => PRODUCT_CATEGORIES[p.toLowerCase()]).find(Boolean) ?? null;
  if (!category && pageProduct) category = PRODUCT_CATEGORIES[pageProduct.toLowerCase()] ?? null;

  const tags = new Set<string>();
  if (pageProduct) tags.add(pageProduct.toLowerCase());
  for (const p of products) tags.add(p.toLowerCase());
  for (const code of strings(field(context, 'errorCodes'))) tags.add(code);
  for (const a of articles) tags.add(a.id);
  if (texts.some((t) => urgencyOf(t) === 'urgent')) tags.add('urgent');
  const clean = [...tags].map((t) => t.replace(/[^A-Za-z0-9 _.:/-]/g, '').slice(0, 64)).filter((t) => /^[A-Za-z0-9]/.test(t));

  return { category, tags: clean.slice(0, 10), priority: priorityOf(texts, str(field(context, 'plan'))) };
}
