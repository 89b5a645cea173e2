/**
 * Keyboard mash ("asdfghjkl", "jjjjjjj", "sdfsdf"): pocket texts and kids. Deliberately
 * conservative, since a real message lost is worse than a mash answered: anything with a digit,
 * a non-Latin letter or one real-looking word is not gibberish, nor are "ok", "k", "lol", "hmm".
 */

const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const ROW_RUNS = [...KEYBOARD_ROWS, ...KEYBOARD_ROWS.map((row) => [...row].reverse().join(""))];
const HOME_ROW = /^[asdfghjkl]+$/;
const BOTTOM_ROW = /^[zxcvbnm]+$/;
// Interjections that look like mash: "hmmmm", "shhh", "brrr", "grrr", "pfff", "psst", "zzzz", "jkjk".
const INTERJECTION = /^(?:h+m+|m+h*m*|s+h+|b+r+|g+r+|p+f+t*|p+s+t+|z+|t+s+k+|u+g+h+|a+r+g+h+|(?:jk)+)$/;
// English never strings six consonants together (y counts as a vowel: "rhythms").
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxz]{6,}/;
// One key held down: "jjjjjjj", "........" (a row of one emoji is emoji, not mash).
const HELD_KEY = /^([^\s\p{Extended_Pictographic}])\1{4,}$/u;

export function isGibberish(text: string): boolean {
  const trimmed = text.trim();
  if (HELD_KEY.test(trimmed)) return true;
  const tokens = trimmed.toLowerCase().split(/\s+/).map((token) => token.replace(/[;',./\\[\]-]/g, ""));
  return tokens.length > 0 && tokens.every(isMash);
}

function isMash(word: string): boolean {
  if (!/^[a-z]+$/.test(word) || INTERJECTION.test(word)) return false;
  if (/^(.)\1{4,}$/.test(word)) return true;
  // Stretched words are words: "yessssss" → "yes", "okkkkk" → "ok".
  const token = word.replace(/(.)\1{2,}/g, "$1");
  if (token.length >= 4 && ROW_RUNS.some((run) => run.includes(token))) return true;
  if (token.length >= 4 && BOTTOM_ROW.test(token)) return true;
  // Home-row words exist ("salads", "alfalfa"), but they need the vowel: mash rarely has one.
  if (token.length >= 6 && HOME_ROW.test(token) && countOf(token, "a") / token.length <= 0.2) return true;
  return token.length >= 6 && CONSONANT_RUN.test(token);
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}
