/** The file cannot be imported at all; nothing was written. */
export class ImportRefused extends Error {}
