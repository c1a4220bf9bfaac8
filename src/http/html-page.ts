// The shell of the few server-rendered pages (install, installed, install failed): plain HTML, no
// script, every value escaped.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Markup built only from escaped values and fixed text. */
export interface Html {
  readonly html: string;
}

/** Fixed markup with every interpolated value escaped (an `Html` value goes in as it is). */
export function html(strings: TemplateStringsArray, ...values: (string | Html | Html[])[]): Html {
  const text = (v: string | Html | Html[]): string => (Array.isArray(v) ? v.map(text).join('') : typeof v === 'string' ? escapeHtml(v) : v.html);
  return { html: strings.reduce((out, s, i) => out + s + (i < values.length ? text(values[i]!) : ''), '') };
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1c1d}
h1{font-size:1.5rem}code{background:#f4f4f4;padding:0 .25rem;border-radius:3px}
a.button{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;border-radius:4px;text-decoration:none;font-weight:600}`;

export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Follow-up Coach</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body.html}
</body>
</html>
`;
}
