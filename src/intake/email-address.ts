/** Shaped like an e-mail address (one @, a dot in the domain, no spaces): owners and rows are told apart by it. */
export const looksLikeEmail = (s: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
