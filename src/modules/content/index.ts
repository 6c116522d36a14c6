import { fileURLToPath } from 'node:url';
import type { Module } from '../../core/module.js';
import { loadContentDemo } from './demo.js';
import { importPostsCommand } from './import-posts-command.js';
import { contentSiteMessages as cm, legalMessages as lm, publicMessages as pm } from './messages.js';
import { contentPermissions } from './permissions.js';
import { contentRoutes } from './routes.js';

// The content's public surface: what other modules may call.
export { createDraftNews, type DraftNewsInput } from './create-draft-news.js';
export { renderMarkdown } from './markdown.js';
export { publishedPageBody } from './page-intro.js';
export { type PublicNews, publicNews } from './public-news.js';

export const contentModule: Module = {
  name: 'content',
  routes: contentRoutes,
  commands: { 'import-posts': importPostsCommand },
  loadDemo: loadContentDemo,
  permissions: contentPermissions,
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  nav: [
    { href: '/programme', label: cm.navProgramme, order: 10 },
    { href: '/manifeste', label: cm.navManifesto, order: 40 },
    { href: '/actualites', label: cm.navNews, order: 50 },
    { href: '/faq', label: cm.navFaq, order: 70 },
  ],
  siteMap: [
    { href: '/', label: pm.homeTitle, section: 'main', order: 0 },
    { href: '/programme', label: pm.programmeTitle, section: 'main', order: 10 },
    { href: '/manifeste', label: pm.manifestoTitle, section: 'main', order: 40 },
    { href: '/actualites', label: pm.newsTitle, section: 'main', order: 50 },
    { href: '/faq', label: pm.faqTitle, section: 'main', order: 70 },
    { href: '/mentions-legales', label: lm.legalTitle, section: 'legal', order: 10 },
    { href: '/accessibilite', label: lm.accessibilityTitle, section: 'legal', order: 20 },
    { href: '/donnees-personnelles', label: lm.privacyTitle, section: 'legal', order: 30 },
    { href: '/plan-du-site', label: pm.siteMapTitle, section: 'legal', order: 40 },
  ],
  dashboard: [
    { href: '/admin/contenus', permission: 'content.manage', title: cm.contents, text: cm.contentsText, order: 10 },
  ],
  examplePages: [
    { name: 'home', url: '/' },
    { name: 'programme', url: '/programme' },
    { name: 'manifesto', url: '/manifeste' },
    { name: 'news list', url: '/actualites' },
    { name: 'news article', from: { listing: '/actualites', link: /^\/actualites\/(?!flux\.xml|atom\.xml)[^/]+$/ } },
    { name: 'faq', url: '/faq' },
    { name: 'legal notice', url: '/mentions-legales' },
    { name: 'accessibility statement', url: '/accessibilite' },
    { name: 'personal data', url: '/donnees-personnelles' },
    { name: 'site map', url: '/plan-du-site' },
    { name: 'CMS list', url: '/admin/contenus', staff: true },
    {
      name: 'CMS news edit form',
      from: { listing: '/admin/contenus', link: /^\/admin\/contenus\/actualites\/(?!nouvelle)[^/]+$/ },
      staff: true,
    },
    {
      name: 'CMS page edit form',
      from: { listing: '/admin/contenus', link: /^\/admin\/contenus\/pages\/(?!nouvelle)[^/]+$/ },
      staff: true,
    },
    { name: 'CMS new news form', url: '/admin/contenus/actualites/nouvelle', staff: true },
  ],
};
