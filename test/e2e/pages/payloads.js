// XSS corpus for the e2e suite (test/e2e/run.mjs). Imported by the browser page (xss.js) and by Node (to count
// and report). Every payload, if it ever ran, would set the canary `window.__xss`; run.mjs also fails on any
// CSP violation, console error or failed request (an injected <img src=x> would request /x).
const SET = 'window.__xss=1';
const LONG = 'A'.repeat(3900);

export const PAYLOADS = [
  // Markup that creates elements or runs handlers
  `<img src=x onerror=${SET}>`,
  `<img src="x" onerror="${SET}">`,
  `<script>${SET}</script>`,
  `<script src="/x.js"></script>`,
  `<svg onload=${SET}>`,
  `<svg><script>${SET}</script></svg>`,
  `"><svg/onload=${SET}>`,
  `'><img src=x onerror=${SET}>`,
  `</legend><img src=x onerror=${SET}>`,
  `</label><input type=radio onfocus=${SET} autofocus>`,
  `<iframe src="javascript:${SET}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<object data="javascript:${SET}"></object>`,
  `<embed src="javascript:${SET}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${SET}>`,
  `<details open ontoggle=${SET}>`,
  `<body onload=${SET}>`,
  `<video><source onerror=${SET}></video>`,
  `<a href="javascript:${SET}">click</a>`,
  `<form action="javascript:${SET}"><button>go</button></form>`,
  `<input autofocus onfocus=${SET}>`,
  `<marquee onstart=${SET}>x</marquee>`,
  `<div style="background:url(javascript:${SET})">x</div>`,
  `<template><img src=x onerror=${SET}></template>`,
  `<slot name=x onclick=${SET}></slot>`,
  `<!--<img src=x onerror=${SET}>-->`,
  `<![CDATA[<img src=x onerror=${SET}>]]>`,
  `<lf-self-assessment framework="https://evil.example/fw.json"></lf-self-assessment>`,
  // URLs
  `javascript:${SET}`,
  `JaVaScRiPt:${SET}`,
  `java\tscript:${SET}`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  // Template and expression injection
  `{{constructor.constructor('${SET}')()}}`,
  `{{$on.constructor('${SET}')()}}`,
  '${' + SET + '}',
  '`${' + SET + '}`',
  '<%= ' + SET + ' %>',
  '#{' + SET + '}',
  `__proto__`,
  `constructor`,
  `toString`,
  // Lit-specific markers (a template engine must never treat data as its own markers)
  '<?lit$123$>',
  'lit$123$',
  '<!--?lit$123$-->',
  // CSS injection
  `</style><img src=x onerror=${SET}>`,
  `</style><style>*{display:none !important}</style>`,
  `x{} * { background: url("/x.png") }`,
  `expression(${SET})`,
  `width: expression(${SET});`,
  `@import url("/x.css");`,
  // Entities and encodings
  `&lt;img src=x onerror=${SET}&gt;`,
  `&#60;script&#62;${SET}&#60;/script&#62;`,
  `&amp;&quot;&#39;&lt;&gt;`,
  `\\u003cimg src=x onerror=${SET}\\u003e`,
  `%3Cscript%3E${SET}%3C/script%3E`,
  // Unicode: bidi overrides, zero-width, combining, astral, odd whitespace
  `\u202Egnp.exe\u202C safe`,
  `\u2066RTL\u2069 \u200F\u061C isolate`,
  `zero\u200Bwidth\u200C\u200D\uFEFFjoiners`,
  `Z̷̢̛a̴̡l̶g̷o̸ ̵t̴e̶x̷t̸`,
  `👩🏽‍⚕️ Nurse 🏥 𝒳𝒮𝒮`,
  `tab\there\u00A0nbsp\u2028line\u2029para`,
  `NUL-ish \u0001\u0007\u001B[31m control`,
  // Sizes
  LONG,
  `${'<b>'.repeat(500)}deep${'</b>'.repeat(500)}`,
  // Quotes that break naive attribute building
  `" onmouseover="${SET}" x="`,
  `' onmouseover='${SET}' x='`,
  '`onmouseover=' + SET,
];

/** The canary every payload tries to set. */
export const CANARY = '__xss';
