/** Where the UI preferences live in localStorage; index.html's start-up screen reads the language from it too. */
export const UI_PREFS_KEY = 'sedp-field:ui-prefs';
