import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown (GFM, with the raw HTML blocks old posts carry) to HTML that is safe to put in a page
 * as is. Marked does the formatting; sanitize-html then keeps only an allowlist of tags and
 * attributes, so whatever the author (or an imported file) wrote, no script can come through.
 */

const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
});

const SAFE_LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'em',
    'strong',
    'b',
    'i',
    'del',
    's',
    'sub',
    'sup',
    'abbr',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    ol: ['start'],
    th: ['align', 'scope'],
    td: ['align'],
    code: ['class'],
  },
  // Only Marked's language marker on code blocks: no author-chosen classes (they could mimic UI).
  allowedClasses: { code: [/^language-[a-z0-9_+#.-]+$/i] },
  allowedSchemes: SAFE_LINK_SCHEMES,
  // Images: https or a path on this site (sanitize-html lets scheme-less URLs through).
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Tags outside the list disappear but their text stays (e.g. `<div>` wrappers);
  // script, style and the like disappear with their content.
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
    'title',
  ],
  // An image whose address was refused is of no use to anyone.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    // A raw `<h1>` in an HTML block would compete with the page title.
    h1: 'h2',
    a: (tagName, attribs) => {
      const { rel: _rel, target, ...rest } = attribs;
      // A link opening a new tab must not hand the opener to the other site.
      if (target !== undefined) return { tagName, attribs: { ...rest, target: '_blank', rel: 'noopener noreferrer' } };
      return { tagName, attribs: rest };
    },
  },
};

/** Renders Markdown to sanitised HTML. Never throws: unreadable input yields escaped text. */
export function renderMarkdown(source: string): string {
  let html: string;
  try {
    const tokens = markdown.lexer(String(source ?? ''));
    shiftHeadingsBelowTitle(tokens);
    html = markdown.parser(tokens);
  } catch {
    // Marked is robust, but if it ever fails the text is still shown, escaped.
    html = `<p>${escapeText(String(source))}</p>`;
  }
  return linkRemoteImages(sanitizeHtml(html, sanitizeOptions));
}

/**
 * The site's CSP (img-src 'self') blocks images hosted elsewhere, and loading them would tell another site
 * who reads the page: each https image becomes a plain link to it, named by its alt text or file name.
 * Runs on sanitize-html's output, whose img tags always read `<img src="…" …/>` with escaped attributes.
 */
function linkRemoteImages(html: string): string {
  return html.replace(/<img src="(https:\/\/[^"]*)"([^>]*?)\s*\/>/g, (_tag, src: string, rest: string) => {
    const alt = /\balt="([^"]*)"/.exec(rest)?.[1]?.trim();
    return `<a href="${src}">${alt || fileNameOf(src)}</a>`;
  });
}

/** The last path segment of an (escaped) URL, decoded when it can be, for a link's text. */
function fileNameOf(escapedUrl: string): string {
  const last = escapedUrl.split(/[?#]/)[0].split('/').pop() || escapedUrl;
  try {
    return escapeText(decodeURIComponent(last.replace(/&amp;/g, '&')));
  } catch {
    return last;
  }
}

/**
 * The page already has its h1 (the title). A body whose top heading is `#` is moved down one level so
 * it starts at h2; a body that already starts at `##` keeps its levels (shifting it would skip h2).
 */
function shiftHeadingsBelowTitle(tokens: ReturnType<typeof markdown.lexer>): void {
  let top = 7;
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'heading') top = Math.min(top, (token as Tokens.Heading).depth);
  });
  if (top !== 1) return;
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'heading') (token as Tokens.Heading).depth = Math.min((token as Tokens.Heading).depth + 1, 6);
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
