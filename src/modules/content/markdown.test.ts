import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

/** Every tag of the output, with entities decoded, lower-cased: where an attack would have to live. */
function tagsOf(html: string): string[] {
  return (html.match(/<[^>]*>/g) ?? []).map((tag) =>
    tag
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&colon;/gi, ':')
      .replace(/&tab;|&newline;/gi, '')
      .replace(/[\t\n\r]/g, '')
      .toLowerCase(),
  );
}

function expectSafe(html: string): void {
  expect(html.toLowerCase()).not.toContain('<script');
  for (const tag of tagsOf(html)) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/);
    expect(tag).not.toMatch(/javascript:|vbscript:|data:/);
    expect(tag).not.toMatch(/\sstyle\s*=/);
    expect(tag).not.toMatch(
      /^<\/?(script|style|iframe|svg|object|embed|math|form|input|button|textarea|meta|link|base)\b/,
    );
  }
}

const hostileFragments = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](<javascript:alert(1)>)',
  '![img](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div onclick="alert(1)">x</div>',
  '<a href="https://ok.example" onmouseover="alert(1)">ok</a>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onfocus="alert(1)" autofocus="',
  '<a title="x" onclick=alert(1) href=/ok>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<body onload=alert(1)>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '```\n<script>alert(1)</script>\n```',
  '`<img onerror=alert(1)>`',
  '# title <img src=x onerror=alert(1)>',
  '| a | <script>x</script> |\n|---|---|\n| <img src=x onerror=alert(1)> | b |',
  '> quote <svg onload=alert(1)>',
  '* item [x](javascript:alert(1))',
  '<',
  '>',
  '"',
  "'",
  '=',
  '\n\n',
  '<a target="_blank" href="https://ok.example">new tab</a>',
  'plain text',
];

describe('renderMarkdown', () => {
  it('renders GFM: emphasis, lists, links, tables, code, quotes', () => {
    const html = renderMarkdown(
      'Some **bold**, *em* and `code`.\n\n* one\n* two\n\n1. first\n\n[link](https://example.org "T")\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n```ts\nconst a = 1 < 2;\n```\n\n> quoted\n\n---\n\nline<br>break',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<ul>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<a href="https://example.org" title="T">link</a>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td align="right">2</td>');
    expect(html).toContain('<code class="language-ts">const a = 1 &lt; 2;');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<hr />');
    expect(html).toContain('<br />');
  });

  it('keeps a body that starts at ## as it is: no level is skipped below the page title', () => {
    const html = renderMarkdown('## Section\n\n### Detail');
    expect(html).toContain('<h2>Section</h2>');
    expect(html).toContain('<h3>Detail</h3>');
  });

  it('shifts a body that uses # down one level (the page title is the h1), never beyond h6', () => {
    const html = renderMarkdown('# One\n\n## Two\n\n##### Five\n\n###### Six\n\n<h1>Raw one</h1>');
    expect(html).toContain('<h2>One</h2>');
    expect(html).toContain('<h3>Two</h3>');
    expect(html).toContain('<h6>Five</h6>');
    expect(html).toContain('<h6>Six</h6>');
    expect(html).toContain('<h2>Raw one</h2>');
    expect(html).not.toContain('<h1');
  });

  it('keeps the text and allowed tags of raw HTML blocks, drops wrappers, classes and styles', () => {
    const html = renderMarkdown(
      '<div align="center" style="margin-top: 4em;"><a href="https://example.org/" class="button" title="Apply"><b>Apply now</b></a></div>\n\n<div class="box"><h3 style="margin:0">Event</h3><p>On <em>May 10</em></p></div>',
    );
    expect(html).toContain('<a href="https://example.org/" title="Apply"><b>Apply now</b></a>');
    expect(html).toContain('<h3>Event</h3>');
    expect(html).toContain('<p>On <em>May 10</em></p>');
    expect(html).not.toMatch(/<div|class=|style=|align="center"/);
  });

  it('removes scripts, event handlers, dangerous URLs, iframes and styles', () => {
    const html = renderMarkdown(
      'Text <script>alert("x")</script> <img src="/a.png" onerror="alert(1)" alt="A"> [bad](javascript:alert(1)) <iframe src="https://x.example"></iframe><style>p{}</style> end',
    );
    expect(html).toContain('<img src="/a.png" alt="A" />');
    expect(html).toContain('<a>bad</a>');
    expect(html).not.toMatch(/script|onerror|iframe|style|alert\("x"\)/);
    expect(html).toContain('end');
  });

  it('shows site-path images, turns https images into links (the CSP would block them), drops the rest', () => {
    const html = renderMarkdown(
      '![a](https://cdn.example/a.png) ![b](/uploads/b.jpg) ![c](http://plain.example/c.png) ![d](//proto.example/d.png) <img src="data:image/png;base64,AAAA"> ![](https://cdn.example/photo%20jury.jpg?w=2)',
    );
    expect(html).toContain('<a href="https://cdn.example/a.png">a</a>');
    expect(html).toContain('<a href="https://cdn.example/photo%20jury.jpg?w=2">photo jury.jpg</a>');
    expect(html).not.toContain('<img src="https');
    expect(html).toContain('<img src="/uploads/b.jpg" alt="b" />');
    expect(html).not.toContain('plain.example');
    expect(html).not.toContain('proto.example');
    expect(html).not.toContain('data:');
  });

  it('keeps target only with rel="noopener noreferrer"', () => {
    expect(renderMarkdown('<a href="https://x.example" target="_blank" rel="opener">x</a>')).toContain(
      '<a href="https://x.example" target="_blank" rel="noopener noreferrer">x</a>',
    );
    expect(renderMarkdown('<a href="https://x.example" rel="opener">x</a>')).toContain(
      '<a href="https://x.example">x</a>',
    );
  });

  it('keeps mailto and tel links', () => {
    const html = renderMarkdown('[mail](mailto:a@example.org) [call](tel:+33100000000)');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).toContain('href="tel:+33100000000"');
  });

  it('never throws and stays safe on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expectSafe(renderMarkdown(text));
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '"',
            "'",
            '=',
            '/',
            'a',
            ' ',
            '\n',
            '`',
            '[',
            ']',
            '(',
            ')',
            ':',
            '&',
            '#',
            ';',
          ),
          maxLength: 200,
        }),
        (text) => {
          expectSafe(renderMarkdown(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('stays safe on documents built from hostile fragments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...hostileFragments), fc.string({ maxLength: 12 })), { maxLength: 12 }),
        fc.constantFrom('', ' ', '\n', '\n\n'),
        (parts, separator) => {
          const html = renderMarkdown(parts.join(separator));
          expectSafe(html);
          // The attack text never survives as a link or image address, even once decoded.
          const addresses = tagsOf(html).flatMap((tag) => tag.match(/\s(?:href|src)="[^"]*"/g) ?? []);
          for (const address of addresses) expect(address).not.toContain('alert(');
        },
      ),
      { numRuns: 600 },
    );
  });

  it('treats each hostile fragment alone safely', () => {
    for (const fragment of hostileFragments) expectSafe(renderMarkdown(fragment));
  });
});
