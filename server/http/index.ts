/** Transport helpers shared by route handlers and tRPC: bounded body reading and storable text. */
export { KB, decodeUtf8, readBodyBytes, readBodyText } from "./read-body";
export { assertStorableText, findUnstorableText } from "./storable-text";
