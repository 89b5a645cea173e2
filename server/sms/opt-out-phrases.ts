import { anyOf } from "./any-of";

/**
 * The wordings of an opt-out, for isOptOutRequest. Every pattern runs on the phrase form (lower
 * case, no accents, no apostrophes: "dont", "im"). They are narrow on purpose: each names what
 * is to stop (texts, messages, the list, this number), so shopping talk ("cancel my order",
 * "stop by the store", "when does the sale end") never matches.
 */

const re = (source: string) => new RegExp(source);

// What the shopper wants to stop receiving.
const TEXTS = anyOf(
  "text messages?", "texts?", "txts?", "texting", "txting", "messages?", "msgs?", "sms(?:es)?", "mms", "spam",
  `${anyOf("promotional", "marketing", "promo", "sales", "spam", "automated")} ${anyOf("texts?", "messages?", "msgs?", "sms")}`,
);
const PROMOS = anyOf(
  "promos", "promotions", "ads", "adverts", "advertisements", "offers", "deals", "marketing", "notifications", "alerts",
  "junk", "crap", "shit", "garbage",
);
const TEXTS_OR_PROMOS = anyOf(TEXTS, PROMOS);
// Each alternative is one word, so "any more any more …" has one parse and never backtracks.
const DETERMINERS = `(?:${anyOf(
  "all", "any", "the", "these", "those", "this", "that", "my", "your", "ur", "such", "more", "further", "of", "ya", "yalls",
  "them", "anymore",
)} )*`;
const ME = anyOf("me", "us", "my (?:phone |cell )?(?:number|#|phone|cell)", "this (?:phone |cell )?(?:number|#|phone)");
// Lists one can be taken off; "waitlist", "cart" and "the order" are deliberately absent.
const LIST_KIND = `(?:${anyOf(
  "text", "texting", "txt", "sms", "mailing", "marketing", "contact", "call", "calling", "distribution", "subscriber",
  "subscription", "message", "messaging", "promo", "promotional", "vip", "spam", "sales",
)}s? )`;
const LIST = `${DETERMINERS}${LIST_KIND}?lists?`;
const TARGET = `(?:${DETERMINERS}${LIST_KIND}?${anyOf(
  "lists?", TEXTS, "system", "database", "records?", "contacts?", "everything", "all", "this", "these", "that", "it", "them",
  "here", "there",
)})`;
const POLITE = `(?: ${anyOf(
  "please", "pls", "plz", "now", "asap", "already", "immediately", "right now", "thanks", "thank you", "thx", "ty", "again",
  "for good", "ok", "okay",
)})*`;
// The request must end its clause: "unsubscribe me" yes, "unsubscribe me from the monthly box" no.
const END = "(?=$|[\\n.,!?;:])";

const HALT = anyOf("stop", "quit", "cease", "halt", "discontinue", "pause");
const CONTACTING = anyOf(
  "texting", "txting", "texing", "messaging", "msging", "msg", "spamming", "contacting", "bothering", "harassing", "pestering",
  "hitting (?:me|us) up", "blowing up my phone",
);
const REMOVE = anyOf("take", "remove", "delete", "drop", "erase", "get", "unlist", "unenroll", "unenrol");
const UNSUBSCRIBE = anyOf(
  "unsubscribe", "unsubscibe", "unsubcribe", "unsubsribe", "unsuscribe", "unscribe", "unsubscrib", "unsub", "un subscribe",
);
const NEVER = anyOf("dont", "do not", "never");
const SENT_TO_ME = anyOf("me", "us", "this number", "my number", "my phone", "this phone");

/**
 * Wordings that may stand anywhere in the message. The caller skips a match that is negated
 * ("don't stop texting me"), asked about the past ("did you stop the texts?") or hypothetical
 * ("if I unsubscribe, do I lose my points?").
 */
export const OPT_OUT_PHRASES: RegExp[] = [
  // "please stop texting me", "quit messaging this number", "stop calling and texting me"
  re(`\\b${anyOf(HALT, "end")} (?:all )?(?:the )?(?:calling (?:and|or|&) )?${CONTACTING}\\b`),
  re(`\\b${anyOf("stop", "quit", "enough", "done")} with ${DETERMINERS}${TEXTS_OR_PROMOS}\\b`),
  // "stop sending me these texts", "stop sending me this stuff"; not "stop sending me the wrong size"
  re(`\\b${HALT} (?:sending|send)(?: ${anyOf("me", "us", "to me", "to this number", "this number", "my number")})? ${DETERMINERS}${TEXTS_OR_PROMOS}\\b`),
  re(
    `\\b${HALT} (?:sending|send)(?: ${anyOf("me", "us", "to me", "to this number")})?` +
      `(?: ${anyOf("this", "these", "those", "that", "them", "it", "anything", "all (?:this|these|that)", "your", "ur", "the")})?` +
      `(?: ${anyOf("stuff", "things", "junk", "spam", "garbage", "nonsense", "crap", "shit", "bs")})?${POLITE}${END}`,
  ),
  // "I'd like to stop receiving these texts", "stop these texts", "turn off text alerts"
  re(`\\b${anyOf("stop", "quit", "cease")} ${anyOf("receiving", "getting")} ${DETERMINERS}${anyOf(TEXTS_OR_PROMOS, "these", "them")}\\b`),
  re(`\\b${anyOf(HALT, "end", "block", "disable", "turn off", "shut off")} ${DETERMINERS}${TEXTS}\\b`),
  re(
    `\\b${anyOf("turn off", "disable", "cancel", "end", "stop")} ${DETERMINERS}${anyOf("text", "sms", "txt")} ` +
      `${anyOf("alerts", "notifications", "messages", "marketing", "updates", "subscription", "list", "program", "club")}\\b`,
  ),
  re(`\\bcancel ${DETERMINERS}${TEXTS}${END}`),
  re(`\\bcancel (?:my |the |this )?subscription to ${DETERMINERS}${anyOf(TEXTS, "text alerts", "sms")}\\b`),
  // "take me off your list", "remove my number from your texting list", "opt me out of these texts"
  re(`\\b${anyOf(REMOVE, "opt", "sign", "scratch", "cross")} ${ME} ${anyOf("off", "from", "out of", "out from")}(?: of)? ${TARGET}\\b`),
  re(`\\b${anyOf("take", "get", "sign", "opt", "count", "leave")} ${ME} (?:off|out)${POLITE}${END}`),
  re(`\\b${anyOf("remove", "delete", "drop", "erase", "unenroll", "unenrol", "lose")} ${ME}${POLITE}${END}`),
  re(`\\b${REMOVE} (?:${ME} )?${anyOf("off", "from", "out of")} ${LIST}\\b`),
  re(`\\b${anyOf("want", "wanna", "would like", "id like", "need")} off ${LIST}\\b`),
  re(
    `\\b${anyOf("i (?:want|wanna|would like|wish|need|demand|ask|am asking)", "id like", "please", "pls", "asked", "asking")} ` +
      `to be ${anyOf("removed", "taken off", "unsubscribed", "opted out", "deleted")}(?: (?:from|of|off) ${TARGET})?${POLITE}${END}`,
  ),
  // "unsubscribe me", "how do I unsubscribe from these"; "I want to opt out", "opting out of texts"
  re(`\\b${UNSUBSCRIBE}(?: ${ME})?(?: (?:from|to|of) ${TARGET})?${POLITE}${END}`),
  re(`\\b${anyOf("opt", "opting", "opted")}(?: ${ME})? ?-?out(?: (?:of|from) ${TARGET})?${POLITE}${END}`),
  // "don't text me again", "do not contact me."; not "don't text me the tracking number, email it"
  re(
    `\\b${NEVER}(?: ever)? ${anyOf("text", "txt", "message", "msg", "sms", "contact", "hit up", "bother", "spam", "call or text", "text or call")} ` +
      `${SENT_TO_ME}(?: ${anyOf("any more", "anymore", "again", "ever", "no more", "please", "pls", "plz", "thanks", "thank you", "thx", "ty", "at all", "ok", "okay")})*${END}`,
  ),
  re(`\\b${NEVER}(?: ever)? ${anyOf("text", "txt", "message", "msg", "sms", "contact")}(?: ${anyOf("me", "us", "this number", "my number")})? ${anyOf("again", "anymore", "any more", "ever again")}\\b`),
  re(`\\b${NEVER}(?: ever)? ${anyOf("send", "text", "message")} (?:me |us |this number )?${DETERMINERS}${TEXTS_OR_PROMOS}\\b`),
  // "I don't want these texts", "I didn't ask for your promos", "I no longer wish to receive messages"
  re(
    `\\b(?:i|we)(?: really| just| seriously)? ${anyOf("dont", "do not", "no longer", "never", "didnt", "did not")}(?: ever| really)? ` +
      `${anyOf("want", "wish", "need", "like", "care", "ask", "asked")}` +
      `(?: for| to ${anyOf("receive", "get", "be getting", "keep getting", "keep receiving", "be receiving", "be sent", "have")})? ${DETERMINERS}${TEXTS_OR_PROMOS}\\b`,
  ),
  re(`\\b(?:i|we) ${anyOf("dont", "do not", "no longer")} ${anyOf("want", "wish", "care")} to (?:be ${anyOf("texted", "contacted", "messaged", "spammed", "bothered")}|hear from ${anyOf("you", "u", "yall", "this number")})\\b`),
  re(`\\b${anyOf("tired of", "sick of", "fed up with", "sick and tired of")} ${DETERMINERS}${anyOf(TEXTS_OR_PROMOS, "you texting", "your texting")}\\b`),
  re(`\\bnot interested in ${DETERMINERS}${anyOf(TEXTS_OR_PROMOS, "receiving", "getting", "hearing")}\\b`),
  // "I never signed up for this": no consent was given, so none may be assumed.
  re(
    `(?<!\\b(?:you|u|they|he|she) )\\b(?:(?:i|we) )?${anyOf("never", "didnt", "did not", "have not", "havent", "never ever")}(?: ever)? ` +
      `${anyOf("sign(?:ed)? up", "subscribe[d]?", "opt(?:ed)? in", "agree[d]?", "consent(?:ed)?", "gave you (?:my number|permission)", "give you (?:my number|permission)")}` +
      `(?: (?:for|to) ${DETERMINERS}${anyOf("this", "these", "that", "it", "them", TEXTS, "lists?")})?(?: ${anyOf("please", "pls", "thanks", "lol", "wtf")})*${END}`,
  ),
  // "I already said stop", "I texted STOP twice and you're still texting"
  re(
    `\\b${anyOf("said", "told you", "told u", "replied", "texted", "txted", "sent", "typed", "wrote", "asked you to", "asked u to", "asked to", "requested", "responded", "answered")} ` +
      `(?:you |u )?(?:with )?${anyOf("stop", "unsubscribe", "unsub", "to stop", "quit", "cancel", "optout", "opt out", "opt-out", "remove me", "to be removed", "to unsubscribe", "to opt out", "no more")}` +
      `(?: ${anyOf("already", "twice", "again", "before", "yesterday", "last week", "(?:many|multiple|several|\\d+|two|three|like \\d+) times")})*` +
      `(?=$|[\\n.,!?;:]| (?:and|but|so|yet|&)\\b)`,
  ),
  // "why am I still getting these texts", "why do you keep texting me", "how many times do I have to say it"
  re(`\\b${anyOf("still", "keep", "keeps", "continue to", "keep on")} ${anyOf("getting", "receiving", "get", "receive", "being sent")} ${DETERMINERS}${anyOf(TEXTS_OR_PROMOS, "these", "them", "spam")}\\b`),
  re(
    `\\bwhy (?:${anyOf("do", "does", "are", "r", "is", "would", "d")} )?${anyOf("you", "u", "yall", "you guys", "this number", "they", "your company", "this company")} ` +
      `${anyOf("keep", "keeps", "continue to", "continuing to", "still", "constantly", "always")} ` +
      `(?:${anyOf("texting", "txting", "messaging", "contacting", "spamming", "hitting me up")}|sending (?:me |us )?(?:${DETERMINERS}${TEXTS_OR_PROMOS}\\b|(?:these|this|them|stuff)${END}))`,
  ),
  re(`\\bhow many (?:more )?times ${anyOf("do", "must", "should", "will", "did")} i (?:have to |need to )?${anyOf("say", "tell you", "tell u", "ask", "reply", "text")}\\b`),
  // "If you don't stop I'll report you", "blocking this number", "reported as spam"
  /\bif (?:you|u|yall) (?:dont|do not|wont|will not) stop\b/,
  re(`\\b${anyOf("block", "report", "blocking", "reporting", "reported")} ${anyOf("you", "u", "this number", "your number", "yall")}(?: (?:as spam|to (?:the )?(?:fcc|ftc|bbb|attorney general|carrier)))?${END}`),
  /\breport(?:ed|ing)? (?:(?:you|this|it) )?(?:as )?spam\b/,
  // Said in anger; the meaning is not in doubt.
  /\b(?:leave (?:me|us) (?:the (?:fuck|hell|f) )?alone|(?:fuck|f\*+k|f\**|eff|piss|bugger|buzz|sod) off|lose (?:my|this) (?:number|#)|cease and desist)\b/,
  // "you have the wrong number": texting a stranger has no consent behind it.
  /\b(?:you (?:have|got|ve got)|youve got|u (?:have|got)|youre texting|you are texting|u r texting) (?:the |a )?wrong (?:number|#|person|phone)\b/,
  // Spanish and French, the other languages US and Canadian shoppers commonly text in.
  /\bno (?:me )?(?:manden|mande|envien|envie|escriban|escriba|mandes|envies|escribas) (?:mas\b|(?:mas )?(?:mensajes|textos|sms)\b)/,
  /\b(?:ya )?no (?:quiero|deseo) (?:recibir )?(?:mas )?(?:mensajes|textos|sms)\b/,
  /\bno mas (?:mensajes|textos|sms)\b/,
  /\b(?:dejen|deje|deja|dejar) de (?:enviarme|mandarme|escribirme|enviar|mandar|escribir)\b/,
  /\b(?:darme|dame|denme|dar) de baja\b/,
  /\b(?:quitenme|quiteme|quitame|sacame|saquenme|borren|borrar|eliminen|eliminar|elimina) (?:de (?:la|su|esta) lista|mi numero)\b/,
  /\bne (?:m|me )?(?:envoyez|ecrivez|contactez|textez) plus\b/,
  /\b(?:desabonn|desinscri)\w*/,
];

// A clause that is nothing but a request: "STOP! Who is this?", "Wrong number, stop", "Please stop."
const CLAUSE_LEAD = `(?:${anyOf(
  "please", "pls", "plz", "just", "ok", "okay", "k", "kk", "now", "omg", "hey", "hi", "hello", "seriously", "god", "dude", "yo",
  "bro", "sir", "maam", "guys", "no", "nope", "wtf", "ugh", "lol", "yes", "yeah", "oh", "oh my god", "also", "and", "so", "then",
)}\\s)*`;
const CLAUSE_TAIL = `(?:\\s${anyOf(
  "it", "this", "that", "these", "them", "now", "please", "pls", "plz", "already", "immediately", "asap", "all", "everything",
  "right now", "thanks", "thank you", "thx", "ty", "stop+", "again", "texting", "messaging", "for real", "seriously", "lol",
  "dude", "ok", "okay", "man", "bro", "sir",
  `(?:this|the|all|these|your) ${anyOf("nonsense", "crap", "shit", "spam", "bs", "junk", "garbage", "madness")}`,
)})*`;
export const OPT_OUT_CLAUSES: RegExp[] = [
  re(
    `^${CLAUSE_LEAD}${anyOf(
      "stop+", "stopall", "stop all", "unsubscribe", "unsub", "opt ?-?out", "remove", "remove me", "remove my number",
      `no more ${TEXTS}`, `no ${TEXTS}`, "quit it", "stop it", "cease", "desist", "enough already", `enough ${TEXTS}`,
      "do not (?:text|contact)", "dont (?:text|contact)", "go away", "get lost", "spam", "this is spam", "this is harassment", "harassment",
    )}${CLAUSE_TAIL}$`,
  ),
  /^(?:(?:sorry|hi|hey|hello|um|uh|oops|i think|i believe|you have|you got|youve got|u have|u got|this is|thats|that is|its|is|wrong)\s)*(?:the |a )?wrong (?:number|#|person|phone)(?:\s(?:sorry|buddy|pal|dude|lol|bro|sir|maam|mate|again))*$/,
  /^(?:alto|basta|baja|parar|para ya|cancelar|detener|arrete|arreter|desabonner|desinscrire)$/,
];

// A clause that is only "stop": the one word that can also mean "hold on" or "you're killing me".
export const BARE_STOP = /^(?:(?:no|just|ok|okay|please|pls|omg|oh my god)\s)*stop+(?:\s(?:please|pls|now|it|stop+))*$/;
// "Wait, stop, I meant the blue one": a stop that halts the shopper's own request, not the texts.
export const HESITATION = /^(?:(?:no|oh|oops|sorry|ok|okay|um|uh)\s)*(?:wait|hold on|hang on|oops|whoa|woah)$/;
export const CORRECTION =
  /^(?:i meant|i mean|i changed my mind|changed my mind|actually|not that one|go back|undo|(?:thats |that is |its )?(?:the )?wrong (?:size|color|colour|item|one|address|order|product|card))\b/;
// "Omg stop, I need this 😍", "Stop it 😂 I love these": a fan's STOP, said about the products.
export const PLAYFUL =
  /[😍🥰😂🤣😭🤩💕😻🔥]|\b(?:love|loving|obsessed|cute|gorgeous|amazing|insane|so good|dying|my wallet|take my money|making me want|i need (?:this|these|it|them)|i want (?:this|these|it|them|everything|all))\b/u;

// Campaign boilerplate a shopper may paste or quote: it names STOP but asks for nothing.
export const CAMPAIGN_BOILERPLATE =
  /\b(?:reply|replying|text|txt|msg|send|respond|respond with|texting)\s+(?:with\s+)?(?:stop|end|quit|cancel|unsubscribe|stopall|optout|opt out)(?:\s+(?:to|2|for)\s+(?:opt[ -]?out|unsubscribe|unsub|end|cancel|quit|stop)(?:\s+(?:of|from)\s+(?:texts|messages|msgs|these|future (?:texts|messages|msgs)|marketing|alerts))?)?/g;
