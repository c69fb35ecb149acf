/**
 * The start-up screen inlined into index.html: the app's header with its name and a
 * "Loading…" line, painted as soon as the HTML and the stylesheet arrive, long before the
 * JavaScript. The words come from locales/<language>/common.json (`appName`, `loading`) at
 * build time; a small inline script picks the language the app itself will start in
 * (see src/i18n/start-language.ts) and writes it in. React replaces the screen when it renders.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../src/i18n/languages.ts';
import { UI_PREFS_KEY } from '../../src/ui/ui-prefs-key.ts';

export const BOOT_SCREEN_PLACEHOLDER = '<!-- boot-screen -->';
/** Filled in once the bundle is written: which files the first screen needs, by language. */
const PRELOAD_PLACEHOLDER = '{/*boot-preload*/}';
const WORDS = ['appName', 'loading'] as const;
type Words = Record<(typeof WORDS)[number], string>;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/** `appName` and `loading` of each interface language, from its common.json. */
export function bootWords(localesDir: string): Record<string, Words> {
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const common = JSON.parse(
        readFileSync(path.join(localesDir, language, 'common.json'), 'utf8'),
      ) as Record<string, unknown>;
      const words = Object.fromEntries(
        WORDS.map((key) => {
          const value = common[key];
          if (typeof value !== 'string') throw new Error(`${language}/common.json has no ${key}`);
          return [key, value];
        }),
      ) as Words;
      return [language, words];
    }),
  );
}

/**
 * Same order as resolveStartLanguage: `?lng=`, then the language remembered on this device,
 * then the browser's languages, then Russian. Plain ES2015, no modules: it runs inline.
 */
function pickScript(words: Record<string, Words>, fallback: string): string {
  // `<` is escaped so no string can close the script element.
  const table = JSON.stringify(words).replace(/</g, '\\u003c');
  return `(function(){var w=${table},p=${PRELOAD_PLACEHOLDER},signedIn=false,h=function(l){return typeof l==="string"&&Object.prototype.hasOwnProperty.call(w,l)},l=null;try{var q=new URLSearchParams(location.search).get("lng");if(h(q))l=q;var s=JSON.parse(localStorage.getItem(${JSON.stringify(UI_PREFS_KEY)})||"null");signedIn=!!(s&&s.state&&s.state.account);if(!l&&s&&s.state&&h(s.state.language))l=s.state.language}catch(e){}if(!l){var b=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language];for(var i=0;i<b.length&&!l;i++){var c=String(b[i]).toLowerCase().split("-")[0];if(h(c))l=c}}l=l||${JSON.stringify(fallback)};document.documentElement.lang=l;var n=document.querySelectorAll("[data-boot]");for(var j=0;j<n.length;j++)n[j].textContent=w[l][n[j].getAttribute("data-boot")];var f=(p.common&&p.common[l]||[]).concat(signedIn?[]:(p.account&&p.account[l]||[]).concat(p.signIn||[]));for(var k=0;k<f.length;k++){var e=document.createElement("link");e.rel="modulepreload";e.crossOrigin="";e.href=f[k];document.head.appendChild(e)}})();`;
}

/** The markup and script that replace the placeholder in index.html's #root. */
export function bootScreenHtml(
  words: Record<string, Words>,
  fallback: string = DEFAULT_LANGUAGE,
): string {
  const shown = words[fallback];
  if (!shown) throw new Error(`no words for ${fallback}`);
  return (
    '<div class="shell boot" aria-busy="true"><header class="header">' +
    `<span class="header__brand" data-boot="appName">${escapeHtml(shown.appName)}</span></header>` +
    '<main class="main"><p class="loading" role="status" data-boot="loading">' +
    `${escapeHtml(shown.loading)}</p></main></div>` +
    `<script>${pickScript(words, fallback)}</script>`
  );
}

/**
 * What the script preloads (module files, by URL): each language's `common` strings; and
 * for a device nobody is signed in on, the sign-in screen and its `account` strings. They
 * then download alongside the entry instead of after it has run. Files the entry already
 * imports are left out: index.html preloads those itself.
 */
export interface BootPreload {
  common: Record<string, string[]>;
  account: Record<string, string[]>;
  signIn: string[];
}

type OutputBundle = NonNullable<IndexHtmlTransformContext['bundle']>;

export function bootPreload(bundle: OutputBundle, base: string): BootPreload {
  const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
  const byModule = (suffix: string) => {
    const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(suffix));
    if (!chunk) throw new Error(`no chunk for ${suffix}`);
    return chunk;
  };
  const closure = (fileName: string, into = new Set<string>()) => {
    if (into.has(fileName)) return into;
    into.add(fileName);
    const chunk = chunks.find((c) => c.fileName === fileName);
    for (const dep of chunk?.imports ?? []) closure(dep, into);
    return into;
  };
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('no entry chunk');
  const loaded = closure(entry.fileName);
  const files = (suffix: string) =>
    [...closure(byModule(suffix).fileName)]
      .filter((file) => !loaded.has(file))
      .map((file) => `${base}${file}`);
  const perLanguage = (namespace: string) =>
    Object.fromEntries(
      LANGUAGES.map((language) => [language, files(`/locales/${language}/${namespace}.json`)]),
    );
  return {
    common: perLanguage('common'),
    account: perLanguage('account'),
    signIn: files('/src/features/account/route.tsx'),
  };
}

/**
 * The app's stylesheet goes into index.html itself (a few KB gzipped): the start-up screen
 * then paints from the HTML alone, one round trip sooner than with a separate file.
 */
export function inlineStylesheets(html: string, bundle: OutputBundle, base: string): string {
  return html.replace(
    /<link rel="stylesheet"(?: crossorigin)? href="([^"]+)">/g,
    (tag, href: string) => {
      const asset = Object.values(bundle).find(
        (item) => item.type === 'asset' && `${base}${item.fileName}` === href,
      );
      if (asset?.type !== 'asset') return tag;
      const css =
        typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
      // No stylesheet can close the element early.
      return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
    },
  );
}

export function bootScreen(localesDir: string): Plugin {
  let base = '/';
  return {
    name: 'sedp-boot-screen',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!html.includes(BOOT_SCREEN_PLACEHOLDER)) {
          throw new Error(`index.html has no ${BOOT_SCREEN_PLACEHOLDER} in #root`);
        }
        // The dev server has no bundle: nothing to preload or inline there.
        const preload = context.bundle ? JSON.stringify(bootPreload(context.bundle, base)) : '{}';
        const withScreen = html.replace(
          BOOT_SCREEN_PLACEHOLDER,
          bootScreenHtml(bootWords(localesDir)).replace(PRELOAD_PLACEHOLDER, preload),
        );
        return context.bundle ? inlineStylesheets(withScreen, context.bundle, base) : withScreen;
      },
    },
  };
}
