/** "https://My-Shop.myshopify.com/" → "my-shop.myshopify.com"; a loopback base URL keeps its port. */
export function normalizeShopDomain(value: string): string {
  const text = value.trim().toLowerCase();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).host;
  } catch {
    return text.replace(/\/+$/, "");
  }
}
