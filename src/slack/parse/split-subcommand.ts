/** `/followup <sub> <rest>`: the subcommand, lower-cased, and the text after it. */
export function splitSubcommand(text: string): { sub: string; rest: string } {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return m ? { sub: m[1]!.toLowerCase(), rest: m[2]!.trim() } : { sub: '', rest: '' };
}
