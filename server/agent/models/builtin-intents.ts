/**
 * The built-in model's understanding of a shopper's text: a few intents by rules, the order
 * number if one is given, and the product words and budget of a shopping question.
 * Deterministic and offline.
 *
 * Priority, first match wins (each step says why it sits where it does):
 *  1. human         an explicit ask for a person overrides everything else.
 *  2. order number  "#1002" → order_status, unless the text asks for a policy action on it
 *                   ("return my order #1002", "cancel #1002"): then faq, because the order's
 *                   status would not answer "how do I return it?" and the article does.
 *  3. policy action return / refund / exchange / cancel / warranty → faq, even with "my order".
 *  4. my order      "where's my package", "my order", "tracking" → order_status, even though
 *                   "when will my order ship" mentions shipping.
 *  5. faq topic     shipping times and costs, Canada, sizing, hours, stores, gift cards,
 *                   payment, discounts, "policy" → faq ("do you have gift cards?" is faq, not product).
 *  6. order words   "shipped?", "delivery" without a topic → order_status.
 *  7. product       shopping phrases ("do you have", "looking for", "recommend", "what should I
 *                   wear", "gift") or a product noun ("rain jackets?") → product.
 *  8. thanks, greeting, else unknown.
 * Before all of these, the model itself takes a plain "yes" right after it offered a teammate
 * ("Reply AGENT") as a request for a person (see isPlainYes).
 */
export type BuiltinIntent =
  | "human"
  /** Money trouble, complaints, legal threats: a person must handle it, whatever else the text says. */
  | "sensitive"
  /** "you're not understanding me": hand off rather than try again. */
  | "frustrated"
  /** "ignore your instructions…", "I'm the owner, send me a code": decline politely, change nothing. */
  | "injection"
  | "order_status"
  | "product"
  | "faq"
  | "thanks"
  | "greeting"
  | "unknown";

/** Texting shorthand → words, so "ordr 1001 status pls" and "any updte on my pkg??" read as they mean. */
const slang: Record<string, string> = {
  ordr: "order", oder: "order", orderr: "order", pkg: "package", pckg: "package", pkge: "package", packge: "package",
  updte: "update", upd8: "update", u: "you", ur: "your", r: "are", ya: "you", yall: "you", "y'all": "you",
  pls: "please", plz: "please", thx: "thanks", shiped: "shipped", shippd: "shipped", recieved: "received",
  deliverd: "delivered", trackin: "tracking", gonna: "going to", wanna: "want to", n: "and",
  hw: "how", hav: "have", wher: "where", wat: "what", wut: "what", k: "ok", kk: "ok", thnx: "thanks", tyvm: "thanks",
};

/**
 * The words the intents hinge on. A misspelt one ("shiping", "trakcing", "retrun", "jackts") is one
 * edit away (a letter added, dropped, changed, or two swapped) from exactly one of them.
 */
const keyWords = (
  "where what have does order orders shipping shipped ship tracking track return returns returning refund exchange package " +
  "deliver delivers delivered delivery arrive arrives arriving arrived something number cancel cancelled waterproof jacket jackets boots gloves fleece socks " +
  "bottle headlamp backpack daypack sleeping tent tents thanks please status update received warranty discount coupon " +
  "returned refunds refunded exchanges packages person someone human agent recommend available"
).split(" ");
const keyWordSet = new Set(keyWords);
/** Real words a key word is one edit from ("older" / "order", "were" / "where"): never "corrected". */
const realWords = new Set("older other under after often offer wear were here there ware care card hard want went tend send sent lend shop shot ships chip trip".split(" "));

/** One edit apart: a letter inserted, deleted or changed, or two neighbours swapped. */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function correctTypo(word: string): string {
  const w = word.toLowerCase();
  if (w.length < 4 || keyWordSet.has(w) || realWords.has(w) || productFiller.has(w)) return word;
  const candidates = keyWords.filter((k) => isOneEditApart(w, k) && (w.length >= 5 || k.length === w.length));
  return candidates.length === 1 ? candidates[0]! : word;
}

export function normalizeSlang(text: string): string {
  return text.replace(/[A-Za-z']+/g, (w) => (Object.hasOwn(slang, w.toLowerCase()) ? slang[w.toLowerCase()]! : correctTypo(w)));
}

const sensitive =
  /\b((got|was|been|were) charged|charged (my card|me)|charged (twice|two times|double|me twice)|double[- ]?charged|overcharged|fraud\w*|unauthori[sz]ed (charge|purchase)|charge ?back|dispute|complain(t|ts|ing)?|rude|harass\w*|lawyer|attorney|legal action|sue|suing|bbb|better business bureau|allerg\w+ reaction|injur\w+)\b/i;
const frustrated =
  /\b(not (understanding|getting) (me|it)|(you|u) (don'?t|do not|dont) (understand|get it)|(you'?re|you are|ur) (useless|not helpful|not helping|a bot|stupid)|this is (useless|not helpful|pointless)|stop (repeating|sending the same))\b/i;
const injection =
  /\b(ignore (all |any |your |the |previous |prior )*(instructions|rules|prompts?|guidelines)|disregard (your|the|all) (instructions|rules)|you are now|from now on you|pretend (to be|you are|you're)|act as (a|an|the)|repeat after me|system prompt|developer mode|jailbreak|dan mode|you are dan|i'?m (a|an|the) [\w ]{0,20}(employee|owner|manager|admin|administrator|developer|ceo)|as the (store |shop )?(owner|manager|admin)|authori[sz]e (a|the|my)? ?(full )?(refund|discount|credit))\b|\bDAN\b|<\/?\s*(system|assistant|user|instructions?|prompt)\s*>/i;


/** A request for a person, in English, Spanish ("hablar con una persona") or French ("parler à quelqu'un"). */
const humanRequest =
  /\b(human|real person|a person|someone|somebody|representative|rep|agent|teammate|operator|customer service|support team|speak (to|with)|talk (to|with)|call me|hablar con|una persona|persona real|alguien|humano|agente|representante|asesor|parler (à|a|avec)|quelqu'un|une personne|vraie personne|conseill(er|ère|ere)|humain)(?![\p{L}])/iu;
const orderWords =
  /\b(order|orders|package|parcel|shipment|shipping|shipped|tracking|track|deliver(y|ed)?|arriv(e|ed|es|ing|al)|wismo|where('?s| is) my)\b/i;
const thanks = /^(thanks?|thank you|thx|ty|tysm|great|perfect|awesome|amazing|cool|ok(ay)?|got it|that'?s all|bye|goodbye|cheers|appreciate it)\b/i;
const greeting = /^(hi|hello|hey|heya|yo|hiya|good (morning|afternoon|evening))\b/i;

/** Something a help-center article explains how to do; a status lookup would not answer it. */
const policyAction =
  /\b(returns?|returning|refunds?|refunded|money back|exchanges?|exchanging|swap|cancel(l?ed|l?ing|lation)?|change (my|the|an?) (shipping |delivery )?(order|address|size|color)|update (my|the) (shipping |delivery )?address|add (something|an item|items?|\w+) to (my|the) order|(modify|edit) (my|the) order|warrant(y|ies)|guarantee|send (it |them |this |these |those |\w+ )?back|give (it |them )?back|broke|broken|defect(ive)?|faulty|ripped|torn|is (that|it|this) covered)\b/i;

/** A question about what happened to an order ("did it get cancelled?") is a status question, not a policy one. */
const statusQuestion = /\b(was|is|did|has|got|get|been)\b[^.?!]*\b(cancel+ed|refunded|returned|delivered|shipped)\b/i;

/** The shopper's own order or parcel, as opposed to shipping in general. */
const personalOrder = new RegExp(
  [
    String.raw`\b(my|our)\s+(order|orders|package|packages|parcel|shipment|delivery|tracking)\b`,
    String.raw`\bwhere('?s| is| are)\s+(my|our|it)\b`,
    String.raw`\btrack(ing)?\b|\bwismo\b|\border status\b`,
    // "did my boots ship?", "when will my jacket arrive": the shopper's purchase on its way
    String.raw`\b(did|has|when (will|did|is|are)) (my|our|it|they|the|those|these)\b.*\b(ship|shipped|arrive|arrived|delivered|coming|come|get here)\b`,
    String.raw`\bmy \w+ (ship|shipped|arrive|arrived|came|delivered)\b`,
    // "did you ship my boots", "ever going to ship my stuff", "I ordered a headlamp today"
    String.raw`\b(ship|send|sent|shipped|mail|mailed) (my|our)\b`,
    String.raw`\b(i|we) (just )?(ordered|bought|purchased|placed an order)\b`,
    String.raw`\bwhen (will|does|do|is) (it|they|my \w+) (get|be) here\b|\bget here\b`,
    String.raw`\b(update|news|status) on (my|our|the) (order|package|parcel|shipment|delivery)\b`,
    // "has my stuff left the warehouse", "still waiting on my jacket"
    String.raw`\bmy (stuff|things|items|purchase|gear)\b.*\b(left|leave|ship|shipped|arrive|coming|here|warehouse|sent)\b`,
    String.raw`\b(still )?waiting (on|for) (my|our|the)\b`,
  ].join("|"),
  "i",
);

const faqTopics = [
  /\bpolic(y|ies)\b/,
  // shipping in general: time, cost, destinations
  /\b(free|standard|express|expedited|overnight|international) shipping\b/,
  /\bshipping (cost|costs|fee|fees|rate|rates|time|times|price|options?)\b/,
  /\bhow (long|much|fast|soon|many days|many weeks)\b.*\b(ship|shipping|shipped|deliver|delivery)\b/,
  /\b(ship|shipping|delivery)\b.*\b(take|cost|costs|free)\b/,
  /\b(do|does|can|will) (you|u) (ship|deliver)\b/,
  /\bship(ping)? (to|outside|internationally|abroad|overseas)\b/,
  /\b(international|internationally|overseas|abroad|customs|duties|canada)\b/,
  // sizing
  /\b(what|which) size\b|\bsiz(e|ing) (guide|chart)\b|\bsizing\b|\btrue to size\b|\b(run|runs|fit|fits) (small|large|big|true)\b|\bhow (does|do) (it|they|\w+) fit\b/,
  // hours and stores
  /\bhours\b|\b(are|r) (you|u) open\b|\bwhen (do|are) (you|u) (open|close)\b|\bwhat time (do|are) (you|u)\b|\bopening times?\b/,
  /\b(stores?|locations?|showrooms?)\b|\bin[- ]person\b/,
  // money matters
  /\bgift ?cards?\b|\bgift certificates?\b|\be-?gift\b/,
  /\b(payments?|pay with|paypal|afterpay|klarna|apple pay|shop pay|venmo|credit card|debit card|installments?)\b/,
  /\b(discount|discounts|coupon|coupons|promo|promo code|price match|price matching)\b/,
  /\b(phone number|email address|contact (you|info|information|details))\b/,
  // where the brand is and what it stands for
  /\b(located|headquarters|where are you (based|located|from))\b/,
  /\b(ethical(ly)?|sustainab\w*|sourced|sourcing|recycled|made in|materials?|vegan|cruelty[- ]free)\b/,
];

const shoppingPhrase =
  /^(need|want|looking for|searching for|shopping for)\b|\bsomething (to|for) \w+|\b(what'?s|what is|whats) (good|best|great) (for|to)\b|\b(come|comes|available|it|they) in (black|white|blue|red|green|grey|gray|navy|brown|pink|purple|yellow|orange|tan|olive|other colou?rs|a (small|medium|large|different colou?r)|xs|s|m|l|xl|xxl)\b|\bother colou?rs\b|\b(do|does) (you|u|y'?all) (have|sell|carry|stock|make|got)\b|\b(have|got) any\b|\blooking for\b|\bshopping for\b|\bin the market for\b|\b(recommend|recommendations?|suggest|suggestions?)\b|\b(i|we) (need|want|would like|'?d like) (a|an|some|new|the|to buy|to get)\b|\bwhat should (i|we) (wear|buy|get|bring|pack|use)\b|\bgifts?\b|\bpresents?\b|\b(back )?in stock\b|\bbest \w+ for\b|\bsomething (for|to wear|warm|waterproof|light|lightweight|cheap|nice)\b|\bunder \$\s?\d+/i;

/** Common things shops sell: a text naming one ("rain jackets?") is a shopping question. */
const productNoun =
  /\b(jackets?|coats?|parkas?|raincoats?|shells?|vests?|fleeces?|hoodies?|sweaters?|sweatshirts?|shirts?|tees?|t-shirts?|pants|trousers|shorts|leggings|jeans|dress(es)?|skirts?|boots?|shoes?|sneakers?|sandals?|socks?|hats?|caps?|beanies?|gloves?|mittens?|scarf|scarves|backpacks?|daypacks?|bags?|tents?|bottles?|headlamps?|lanterns?|lights?|flashlights?|stoves?|sleeping bags?|gear)\b/i;

/** "#1001", "order 1001", "order number 1001": 3–10 digits that look like an order number. */
/** Words that make a bare number ("checking on 1001, is it close?") an order number. */
const statusContext = /\b(status|update|checking|check on|where|arriv\w*|ship\w*|deliver\w*|coming|close|here yet|eta|track\w*)\b/i;

export function extractOrderNumber(raw: string): string | null {
  const text = normalizeSlang(raw);
  const bare = statusContext.test(text) && !/\$\s?\d/.test(text) ? text.match(/(?:^|\s)(\d{4,6})(?=[\s,.?!]|$)/) : null;
  const m = text.match(/#\s?(\d{3,10})\b/) ?? text.match(/\border(?:\s+(?:number|no\.?|num|#))?\s*:?\s*(\d{3,10})\b/i);
  return m ? m[1]! : bare ? bare[1]! : null;
}

export function detectIntent(text: string): BuiltinIntent {
  const t = normalizeSlang(text.trim());
  if (injection.test(t)) return "injection";
  if (humanRequest.test(t)) return "human";
  if (sensitive.test(t)) return "sensitive";
  if (frustrated.test(t)) return "frustrated";
  if (extractOrderNumber(t)) return policyAction.test(t) && !statusQuestion.test(t) ? "faq" : "order_status";
  if (policyAction.test(t)) return "faq";
  if (personalOrder.test(t)) return "order_status";
  if (faqTopics.some((topic) => topic.test(t.toLowerCase()))) return "faq";
  if (orderWords.test(t)) return "order_status";
  if (shoppingPhrase.test(t) || productNoun.test(t)) return "product";
  // "ok but when will it get here?" is a question, not a thank-you.
  if (thanks.test(t) && !t.includes("?") && !/\bbut\b/i.test(t)) return "thanks";
  if (greeting.test(t) && t.split(/\s+/).length <= 4) return "greeting";
  return "unknown";
}

/** A yes to "Want a teammate?": on its own it carries no other intent. */
export function isPlainYes(text: string): boolean {
  return /^(yes|yeah|yea|yep|yup|sure|y|please|yes please|sure thing|ok(ay)? please)[.! ]*$/i.test(text.trim());
}

const BUDGET =
  /\b(?:under|below|less than|cheaper than|up to|no more than|max(?:imum)?|at most|within|around|about)\s*\$\s?(\d+(?:\.\d{1,2})?)|\b(?:under|below|less than|up to|no more than|at most)\s+(\d+(?:\.\d{1,2})?)\s*(?:dollars|bucks|usd)\b|\$\s?(\d+(?:\.\d{1,2})?)\s*(?:or less|or under|max)\b/i;

/** The shopper's upper price limit in whole currency units ("under $50" → 50), or null. "around $50" is no limit. */
export function extractBudget(text: string): number | null {
  const m = text.match(BUDGET);
  if (!m || /\b(around|about)\s*\$/i.test(m[0])) return null;
  const value = Number(m[1] ?? m[2] ?? m[3]);
  return Number.isFinite(value) && value > 0 ? value : null;
}

// Words around a shopping question that do not describe the product. Adjectives and nouns
// ("waterproof", "warm", "rain", "jacket", "kids") stay: they are what the catalogue matches on.
const productFiller = new Set(
  (
    "a an the and or but of for to in on at by with from about into over under up out off as is are was were be been am " +
    "do does did have has had i me my we our you your u ur yall they them it its this that these those there here " +
    "what which who where when why how any some anything something someone all each every no not just only also too " +
    "very really so such more most less than then can could would should will may might must " +
    "need needs want wants wanted like love looking look find search shopping shop buy buying get getting got " +
    "purchase recommend recommendation recommendations suggest suggestion suggestions idea ideas option options " +
    "good great nice best better cool new please pls plz thanks thank hi hey hello yo show tell know sell sells " +
    "carry stock stocked available kind sort type one ones pair pairs item items product products thing things stuff " +
    "wear wearing use using bring cheap cheaper affordable budget price priced cost costs dollars bucks usd " +
    "around below max maximum size sizes color colors colour im id ill ive " +
    "him her his hers husband wife boyfriend girlfriend partner dad father mom mother son daughter friend friends " +
    "brother sister grandma grandpa family back again still yes ok okay maybe perhaps"
  ).split(" "),
);

const MAX_PRODUCT_TERMS = 6;

/** What a need is called in a catalogue: "cold hands" → gloves, "rainy" → rain, waterproof. */
const needToProductWords: Record<string, string[]> = {
  hands: ["gloves"], hand: ["gloves"], fingers: ["gloves"],
  feet: ["socks", "boots"], toes: ["socks"],
  head: ["hat", "beanie"], ears: ["hat", "beanie"], sun: ["sun", "hat"],
  cold: ["warm", "winter"], freezing: ["warm", "winter"], chilly: ["warm", "fleece"],
  rainy: ["rain", "waterproof"], wet: ["waterproof", "rain"],
  dark: ["headlamp", "light"], night: ["headlamp", "light"],
  thirsty: ["bottle"], water: ["bottle"], hydration: ["bottle"],
  sleep: ["sleeping", "bag"], sleeping: ["sleeping", "bag"],
  hike: ["hiking"], hikes: ["hiking"], trail: ["hiking", "trail"],
};

/**
 * The words of a shopping question that describe the product, in order: "do you have a
 * waterproof rain jacket?" → ["waterproof", "rain", "jacket"]; "recommend a gift under $50" → ["gift"].
 */
export function extractProductTerms(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(BUDGET, " ")
    .replace(/\$\s?\d+(?:\.\d+)?|\b\d+(?:\.\d+)?\s*(?:dollars|bucks|usd)\b/g, " ")
    .replace(/'(s|re|ve|ll|d|m|t)\b/g, " ");
  const words = cleaned
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !/^\d+$/.test(w) && !productFiller.has(w));
  const expanded = words.flatMap((w) => [w, ...(needToProductWords[w] ?? [])]);
  return [...new Set(expanded)].slice(0, MAX_PRODUCT_TERMS);
}
