/**
 * Spanish and French for the built-in model: the shopper's language (franc-min, limited to the
 * languages the agent answers in, with a few unmistakable words for texts too short to judge),
 * and reply templates for the main intents: an order's status and a hand-off to a person. Each
 * fits one SMS segment, UCS-2 included (70 characters when an accent is not GSM-7): the shorter
 * wording is taken when the longer does not fit.
 */
import { franc } from "franc-min";
import type { OrderSummary } from "../../commerce";
import { fitSingleSegment } from "../../sms";

export const agentLanguages = ["en", "es", "fr"] as const;
export type AgentLanguage = (typeof agentLanguages)[number];

const francCodes: Record<string, AgentLanguage> = { eng: "en", spa: "es", fra: "fr" };

/** Words that settle a short text's language on their own ("hola", "merci", "pedido", "commande"). */
const marks: Record<Exclude<AgentLanguage, "en">, RegExp> = {
  es: /\b(hola|gracias|pedido|pedidos|orden|paquete|env[ií]o|d[oó]nde|cu[aá]ndo|est[aá]|quiero|necesito|hablar|persona|alguien|ayuda|por favor|mi compra|llega|lleg[oó]|rastreo|seguimiento)\b/iu,
  fr: /\b(bonjour|salut|merci|commande|colis|livraison|o[uù] est|quand|je veux|je voudrais|parler|quelqu'un|une personne|conseill\w+|s'il vous pla[iî]t|svp|suivi|re[cç]u|exp[ée]di\w+)(?![\p{L}])/iu,
};

const englishWords = /\b(the|is|are|my|you|your|do|does|what|where|when|how|can|it|to|and|order|please|thanks|have|want|need|get|with|for)\b/gi;
const count = (text: string, re: RegExp) => (text.match(new RegExp(re, re.flags.includes("g") ? re.flags : `${re.flags}g`)) ?? []).length;

/**
 * The text's language among those the agent answers in; English when unsure. A text must carry
 * words of the language ("pedido", "commande", "hablar", "quelqu'un") and more of them than
 * English ones; franc decides between the two when both are there.
 */
export function detectLanguage(text: string): AgentLanguage {
  const t = text.trim();
  const scores = { es: count(t, marks.es), fr: count(t, marks.fr) };
  if (scores.es === 0 && scores.fr === 0) return "en";
  const english = count(t, englishWords);
  const guess = francCodes[franc(t, { only: ["eng", "spa", "fra"], minLength: 10 })];
  if ((guess === "es" || guess === "fr") && scores[guess] > 0 && scores[guess] >= english) return guess;
  if (scores.es > scores.fr && scores.es > english) return "es";
  if (scores.fr > scores.es && scores.fr > english) return "fr";
  return "en";
}

/** The conversation's language: the latest shopper text that says, else English. */
export function conversationLanguage(shopperTexts: string[]): AgentLanguage {
  for (const text of [...shopperTexts].reverse()) {
    if (/[\p{L}]{2,}/u.test(text) && /\s/.test(text.trim())) return detectLanguage(text);
  }
  return "en";
}

const fits = (text: string) => !fitSingleSegment(text).truncated && fitSingleSegment(text).text === text;
const firstThatFits = (candidates: string[]) => candidates.find(fits) ?? candidates[candidates.length - 1]!;

function day(iso: string, timeZone: string, lang: Exclude<AgentLanguage, "en">): string {
  return new Intl.DateTimeFormat(lang === "es" ? "es-ES" : "fr-FR", { month: "short", day: "numeric", timeZone }).format(new Date(iso)).replace(/\.$/, "");
}

type Words = {
  processing: (n: string, eta: string | null) => string[];
  shipped: (n: string, carrier: string | null, eta: string | null, url: string | null) => string[];
  delivered: (n: string, when: string | null) => string[];
  cancelled: (n: string) => string[];
  notFound: (n: string) => string[];
  noOrders: () => string[];
  handedOff: () => string[];
  orderWithheld: (n: string) => string[];
};

const words: Record<Exclude<AgentLanguage, "en">, Words> = {
  es: {
    processing: (n, eta) => (eta ? [`Pedido #${n}: en preparación, llega aprox. el ${eta}.`, `Pedido #${n} en preparación.`] : [`Pedido #${n}: en preparación, saldrá pronto.`]),
    shipped: (n, carrier, eta, url) => [
      `Pedido #${n} enviado${carrier ? ` con ${carrier}` : ""}${eta ? `, llega el ${eta}` : ""}.${url ? ` Seguimiento: ${url}` : ""}`,
      `Pedido #${n} enviado${carrier ? ` con ${carrier}` : ""}. ${url ?? ""}`.trim(),
      `Pedido #${n} enviado.`,
    ],
    delivered: (n, when) => [`Pedido #${n} entregado${when ? ` el ${when}` : ""}. ¿Algo más?`, `Pedido #${n} entregado.`],
    cancelled: (n) => [`Pedido #${n} cancelado, no se enviará. Responda AGENTE para ayuda.`, `Pedido #${n} cancelado, no se enviará.`],
    notFound: (n) => [`No encontré el pedido #${n}. ¿Puede revisar el número?`],
    noOrders: () => [`No encontré pedidos de este número. ¿Cuál es su nº de pedido?`, `¿Cuál es su número de pedido?`],
    handedOff: () => [`Gracias. Una persona del equipo le escribirá aquí pronto.`],
    orderWithheld: (n) => [`Por privacidad, el pedido #${n} solo se informa a su número.`, `Responda AGENTE para ayuda.`],
  },
  fr: {
    processing: (n, eta) => (eta ? [`Commande #${n} en préparation, livraison prévue le ${eta}.`, `Commande #${n} en préparation.`] : [`Commande #${n} en préparation, expédiée bientôt.`]),
    shipped: (n, carrier, eta, url) => [
      `Commande #${n} expédiée${carrier ? ` avec ${carrier}` : ""}${eta ? `, arrivée le ${eta}` : ""}.${url ? ` Suivi : ${url}` : ""}`,
      `Commande #${n} expédiée. ${url ?? ""}`.trim(),
      `Commande #${n} expédiée.`,
    ],
    delivered: (n, when) => [`Commande #${n} livrée${when ? ` le ${when}` : ""}. Autre chose ?`, `Commande #${n} livrée.`],
    cancelled: (n) => [`Commande #${n} annulée, elle ne sera pas expédiée. Répondez AGENT pour de l'aide.`, `Commande #${n} annulée.`],
    notFound: (n) => [`Je ne trouve pas la commande #${n}. Pouvez-vous vérifier le numéro ?`, `Commande #${n} introuvable.`],
    noOrders: () => [`Je ne trouve pas de commande pour ce numéro. Quel est votre numéro de commande ?`],
    handedOff: () => [`Merci ! Un membre de l'équipe vous écrit ici très bientôt.`],
    orderWithheld: (n) => [`Par confidentialité, la commande #${n} n'est donnée qu'à son numéro.`, `Répondez AGENT pour de l'aide.`],
  },
};

/** An order lookup's reply in Spanish or French. */
export function lookupReplyIn(
  lang: Exclude<AgentLanguage, "en">,
  result: { orderNumber: string | null; orders: OrderSummary[]; withheld?: boolean },
  timeZone: string,
): string {
  const w = words[lang];
  if (result.withheld) return firstThatFits(w.orderWithheld(result.orderNumber ?? ""));
  const [order] = result.orders;
  if (!order) return firstThatFits(result.orderNumber ? w.notFound(result.orderNumber) : w.noOrders());
  const d = (iso: string | null) => (iso ? day(iso, timeZone, lang) : null);
  switch (order.status) {
    case "processing":
      return firstThatFits(w.processing(order.number, d(order.expectedDeliveryAt)));
    case "shipped":
      return firstThatFits(w.shipped(order.number, order.carrier, d(order.expectedDeliveryAt), order.trackingUrl));
    case "delivered":
      return firstThatFits(w.delivered(order.number, d(order.deliveredAt)));
    case "cancelled":
      return firstThatFits(w.cancelled(order.number));
  }
}

export function handedOffIn(lang: Exclude<AgentLanguage, "en">): string {
  return firstThatFits(words[lang].handedOff());
}

/** Order words in Spanish and French: "¿dónde está mi pedido?", "où est ma commande". */
const orderWords: Record<Exclude<AgentLanguage, "en">, RegExp> = {
  es: /\b(pedido|orden|compra|paquete|env[ií]o|rastreo|seguimiento|llega|lleg[oó]|entrega)\b/iu,
  fr: /\b(commande|colis|livraison|suivi|livr[ée]e?|arrive|exp[ée]di\w*)(?![\p{L}])/iu,
};

/** What a Spanish or French text asks, as far as the built-in model answers in that language. */
export function intentIn(lang: Exclude<AgentLanguage, "en">, text: string): { type: "order_status"; orderNumber: string | null } | { type: "other" } {
  if (orderWords[lang].test(text)) return { type: "order_status", orderNumber: text.match(/#?\s?(\d{3,10})\b/)?.[1] ?? null };
  return { type: "other" };
}
