import type { PublicStatusTexts } from './status-texts.js';
import { text } from './status-texts.js';
import type { PublicStatus } from './status-lookup.js';

// The public status page as plain server-rendered HTML: no script, one small inline style sheet,
// large text for a phone held at arm's length (body 22 px, headings 30 px, fields 60 px tall),
// colours with contrast above 10:1.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `
*{box-sizing:border-box}
html{font-size:22px;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
  line-height:1.6;color:#111;background:#fff}
header{background:#0b3d91;color:#fff;padding:.8rem 1rem}
header h1{margin:0;font-size:1.4rem;line-height:1.3}
main{padding:1rem;max-width:36rem;margin:0 auto}
p{margin:.5rem 0 1rem}
label{display:block;font-weight:700;margin-top:1rem}
.hint{display:block;font-size:1rem;color:#333;font-weight:400}
input{display:block;width:100%;font-size:1.2rem;min-height:60px;padding:.3rem .6rem;margin-top:.3rem;
  border:2px solid #333;border-radius:8px;color:#111;background:#fff;letter-spacing:.05em}
input:focus,button:focus,a:focus{outline:4px solid #b35900;outline-offset:2px}
button,.again{display:block;width:100%;min-height:64px;margin-top:1.5rem;font-size:1.2rem;font-weight:700;
  border:0;border-radius:8px;background:#0b3d91;color:#fff;text-align:center;text-decoration:none;
  line-height:64px;padding:0 .5rem}
.notice{border-left:8px solid #8a1c00;background:#fff3ef;padding:.6rem .8rem;margin:1rem 0}
.notice h2{margin:0;font-size:1.2rem;color:#111}
dl{margin:1rem 0}
dt{font-weight:700;margin-top:.9rem}
dd{margin:0;font-size:1.1rem}
dd.state{font-size:1.3rem;font-weight:700;color:#0b3d91}
ul{margin:.3rem 0;padding-left:1.4rem}
footer{padding:1rem;font-size:1rem;color:#333;text-align:center}
`;

function layout(t: PublicStatusTexts, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(text(t.page, 'title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(text(t.page, 'title'))}</h1></header>
<main>
${body}
</main>
<footer>${escapeHtml(text(t.page, 'hotline'))}</footer>
</body>
</html>
`;
}

export type PageNotice = 'notFound' | 'badInput' | { tooManyMinutes: number };

/** The form (receipt number prefilled from the QR's `?r=`), with a notice after a failed look-up. */
export function formPage(t: PublicStatusTexts, receiptNo: string, notice?: PageNotice): string {
  const p = (k: string, params?: Record<string, string | number>): string => escapeHtml(text(t.page, k, params));
  let box = '';
  if (notice === 'notFound')
    box = `<div class="notice" role="alert"><h2>${p('notFound')}</h2><p>${p('notFoundHint')}</p></div>`;
  else if (notice === 'badInput') box = `<div class="notice" role="alert"><h2>${p('badInput')}</h2></div>`;
  else if (notice)
    box = `<div class="notice" role="alert"><h2>${p('tooMany')}</h2><p>${p('tooManyHint', {
      minutes: notice.tooManyMinutes,
    })}</p></div>`;
  return layout(
    t,
    `${box}
<p>${p('intro')}</p>
<form method="post" action="/s/" autocomplete="off">
<label for="r">${p('receiptLabel')}<span class="hint" id="r-hint">${p('receiptHint')}</span></label>
<input id="r" name="r" value="${escapeHtml(receiptNo)}" required maxlength="40" autocapitalize="characters"
  spellcheck="false" aria-describedby="r-hint">
<label for="k">${p('last4Label')}<span class="hint" id="k-hint">${p('last4Hint')}</span></label>
<input id="k" name="k" required minlength="4" maxlength="4" inputmode="text" autocapitalize="characters"
  spellcheck="false" aria-describedby="k-hint">
<button type="submit">${p('submit')}</button>
</form>`,
  );
}

/** The answer: the state in words and its dates, the 补充材料 list or the reason when there is one. */
export function resultPage(t: PublicStatusTexts, s: PublicStatus): string {
  const p = (k: string): string => escapeHtml(text(t.page, k));
  const row = (label: string, value: string, hint?: string, cls = ''): string =>
    `<dt>${label}</dt><dd${cls ? ` class="${cls}"` : ''}>${escapeHtml(value)}${
      hint ? `<span class="hint">${hint}</span>` : ''
    }</dd>`;
  const rows = [
    row(p('receiptNo'), s.receiptNo),
    row(p('kind'), text(t.kinds, s.kind)),
    row(p('state'), text(t.states, s.state), undefined, 'state'),
    row(p('submittedOn'), s.submittedOn),
    s.legalAidDueBy ? row(p('legalAidDue'), s.legalAidDueBy, p('legalAidDueHint')) : '',
    s.notarizationDueBy ? row(p('notarizationDue'), s.notarizationDueBy, p('notarizationDueHint')) : '',
    s.missingMaterials
      ? `<dt>${p('missing')}</dt><dd><ul>${s.missingMaterials.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul></dd>`
      : '',
    s.reason ? row(p('reason'), s.reason) : '',
  ];
  return layout(
    t,
    `<h2 style="font-size:1.3rem;margin:.5rem 0">${p('resultTitle')}</h2>
<dl>${rows.join('\n')}</dl>
<a class="again" href="/s/?r=${encodeURIComponent(s.receiptNo)}">${p('again')}</a>`,
  );
}
