import 'i18next';
import type account from '../../locales/en/account.json';
import type attendance from '../../locales/en/attendance.json';
import type checklists from '../../locales/en/checklists.json';
import type common from '../../locales/en/common.json';
import type dashboard from '../../locales/en/dashboard.json';
import type hearings from '../../locales/en/hearings.json';
import type history from '../../locales/en/history.json';
import type home from '../../locales/en/home.json';
import type notes from '../../locales/en/notes.json';
import type referenceLists from '../../locales/en/reference-lists.json';
import type settings from '../../locales/en/settings.json';
import type sync from '../../locales/en/sync.json';
import type territories from '../../locales/en/territories.json';
import type trainings from '../../locales/en/trainings.json';
import type users from '../../locales/en/users.json';

/** Translation keys are typed from the English files; the parity test keeps ru and ky in step. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      account: typeof account;
      attendance: typeof attendance;
      checklists: typeof checklists;
      common: typeof common;
      dashboard: typeof dashboard;
      hearings: typeof hearings;
      history: typeof history;
      home: typeof home;
      notes: typeof notes;
      'reference-lists': typeof referenceLists;
      settings: typeof settings;
      sync: typeof sync;
      territories: typeof territories;
      trainings: typeof trainings;
      users: typeof users;
    };
  }
}
