/**
 * The start-up screen inlined into index.html: the app's header with its name and a
 * "Loading…" line, painted as soon as the HTML and the stylesheet arrive, long before the
 * JavaScript. The words come from locales/<language>/common.json (`appName`, `loading`) at
 * build time; a small inline script picks the language the app itself will start in
 * (see src/i18n/start-language.ts) and writes it in. React replaces the screen when it renders.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../src/i18n/languages.ts';
import { UI_PREFS_KEY } from '../../src/ui/ui-prefs-key.ts';

export const BOOT_SCREEN_PLACEHOLDER = '<!-- boot-screen -->';
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
  return `(function(){var w=${table},h=function(l){return typeof l==="string"&&Object.prototype.hasOwnProperty.call(w,l)},l=null;try{var q=new URLSearchParams(location.search).get("lng");if(h(q))l=q;else{var s=JSON.parse(localStorage.getItem(${JSON.stringify(UI_PREFS_KEY)})||"null");if(s&&s.state&&h(s.state.language))l=s.state.language}}catch(e){}if(!l){var b=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language];for(var i=0;i<b.length&&!l;i++){var c=String(b[i]).toLowerCase().split("-")[0];if(h(c))l=c}}l=l||${JSON.stringify(fallback)};document.documentElement.lang=l;var n=document.querySelectorAll("[data-boot]");for(var j=0;j<n.length;j++)n[j].textContent=w[l][n[j].getAttribute("data-boot")]})();`;
}

/** The markup and script that replace the placeholder in index.html's #root. */
export function bootScreenHtml(
  words: Record<string, Words>,
  fallback: string = DEFAULT_LANGUAGE,
): string {
  const shown = words[fallback];
  if (!shown) throw new Error(`no words for ${fallback}`);
  return (
    '<div class="shell" aria-busy="true"><header class="header">' +
    `<span class="header__brand" data-boot="appName">${escapeHtml(shown.appName)}</span></header>` +
    '<main class="main"><p class="loading" role="status" data-boot="loading">' +
    `${escapeHtml(shown.loading)}</p></main></div>` +
    `<script>${pickScript(words, fallback)}</script>`
  );
}

export function bootScreen(localesDir: string): Plugin {
  return {
    name: 'sedp-boot-screen',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(BOOT_SCREEN_PLACEHOLDER)) {
          throw new Error(`index.html has no ${BOOT_SCREEN_PLACEHOLDER} in #root`);
        }
        return html.replace(BOOT_SCREEN_PLACEHOLDER, bootScreenHtml(bootWords(localesDir)));
      },
    },
  };
}
