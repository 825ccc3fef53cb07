/**
 * Words that carry no topic in a support question ("how do I … my …") plus chat
 * filler ("please", "thanks"). Dropping them keeps them out of the confidence
 * arithmetic, where an unmatched word would otherwise count against an article.
 * Matched after folding, before stemming.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can cannot could did do does doing done dont down during each few for from further get gets getting got had has have having ' +
    'he her here hers herself him himself his how i if im in into is isnt it its itself ive just me more most my myself no nor not ' +
    'now of off on once only or other our ours ourselves out over own same she should so some such than that thats the their theirs ' +
    'them themselves then there these they this those through to too under until up very was we were what whats when where which ' +
    'while who whom why will with would you your yours yourself yourselves ' +
    'also anyone anything cant could couldnt didnt doesnt hello help hey hi keep keeps know let lets like made make makes many maybe much must need ' +
    'needs please really seems still sure thank thanks tell trying try want wants way wont work worked working works yes ' +
    'issue issues problem problems question something somehow suddenly anymore ' +
    // Simplified Chinese function words and question phrasing.
    '的 了 吗 呢 吧 啊 呀 我 我的 我们 你 你们 您 他 她 它 怎么 怎么办 怎样 如何 什么 为什么 为何 是 在 和 与 或 或者 请 请问 ' +
    '一个 可以 能 能否 不能 要 想 有 没有 这 那 这个 那个 就 都 也 还 会 把 被 让 给 对 问题 帮忙 帮 谢谢 你好 一下 该 应该 ' +
    // Korean pronouns, question words and request phrasing (after particles are stripped).
    '이 그 저 제 내 저희 좀 어떻게 왜 뭐 무엇 어디 언제 수 있나요 있어요 없어요 있습니다 해주세요 주세요 알려 알려주세요 안녕하세요 감사합니다'
  ).split(' '),
);
