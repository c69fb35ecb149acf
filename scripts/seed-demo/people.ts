/** The demo's people, places and phrases: names, positions, proposals, notes (all marked DEMO). */

export const DEMO_AIMAKS: Record<string, { code: string; ru: string; ky: string; en: string }[]> = {
  nooken: [
    { code: 'demo-massy', ru: 'Массы', ky: 'Массы', en: 'Massy' },
    { code: 'demo-dostuk', ru: 'Достук', ky: 'Достук', en: 'Dostuk' },
    { code: 'demo-birlik', ru: 'Бирлик', ky: 'Бирлик', en: 'Birlik' },
  ],
  aksy: [
    { code: 'demo-ak-zhol', ru: 'Ак-Жол', ky: 'Ак-Жол', en: 'Ak-Zhol' },
    { code: 'demo-kara-zhygach', ru: 'Кара-Жыгач', ky: 'Кара-Жыгач', en: 'Kara-Zhygach' },
    { code: 'demo-zhany-zhol', ru: 'Жаны-Жол', ky: 'Жаңы-Жол', en: 'Zhany-Zhol' },
  ],
};

export const PROPOSALS: { text: string; raisedBy: string[] }[] = [
  { text: 'Отремонтировать водопровод в верхней части села', raisedBy: ['women'] },
  { text: 'Открыть группу детского сада на 25 мест', raisedBy: ['women', 'youth'] },
  { text: 'Установить уличное освещение по дороге к школе', raisedBy: ['women'] },
  { text: 'Оборудовать спортивную площадку для молодёжи', raisedBy: ['youth'] },
  { text: 'Пандус и поручни у здания айыл окмоту', raisedBy: ['disability'] },
  { text: 'Курсы по предпринимательству для женщин', raisedBy: ['women'] },
  { text: 'Очистить оросительный канал до начала полива', raisedBy: ['men'] },
  { text: 'Ремонт моста через сай', raisedBy: ['men', 'elderly'] },
  { text: 'Кружки и компьютерный класс в доме культуры', raisedBy: ['youth'] },
  { text: 'Консультации для семей трудовых мигрантов', raisedBy: ['migrant-families', 'women'] },
  { text: 'Скамейки и навес у фельдшерско-акушерского пункта', raisedBy: ['elderly'] },
  { text: 'Ремонт дороги на летнее пастбище', raisedBy: ['men'] },
];

export const NOTES: { title: string; text: string }[] = [
  {
    title: 'Слушания в период уборки урожая',
    text: 'В сентябре женщины заняты на полях: на слушания пришло вдвое меньше женщин, чем в ноябре. Планировать слушания после уборки.',
  },
  {
    title: 'Отдельная встреча с женщинами',
    text: 'Отдельная фокус-группа с женщинами дала в три раза больше предложений, чем общие слушания. Проводить её до общих слушаний.',
  },
  {
    title: 'Нет разукрупнённых данных',
    text: 'Отраслевые профили не содержат данных по полу и инвалидности; айыл окмоту нужна помощь в сборе данных через ФАП и школу.',
  },
  {
    title: 'Молодёжь через школы',
    text: 'Приглашения через школы и молодёжный комитет привели на слушания старшеклассников и молодых родителей.',
  },
  {
    title: 'Доступность зала',
    text: 'Зал на втором этаже без пандуса: люди с инвалидностью не смогли прийти. Слушания перенесли в дом культуры.',
  },
  {
    title: 'Связь с бюджетом',
    text: 'Принятые предложения не попали в проект бюджета: нужно согласовывать план действий с финансовым отделом до утверждения.',
  },
];

export const GROUPS = ['youth', 'elderly', 'disability', 'migrant-families', 'large-low-income'];
export const PEOPLE = {
  female: ['Айгүл Токтосунова', 'Гүлнара Мамытова', 'Жыпар Асанова', 'Нургүл Бекова'],
  male: ['Эрмек Садыков', 'Бакыт Жумабаев', 'Нурлан Осмонов', 'Азамат Токтогулов'],
};

export const FIRST_NAMES = {
  female: [
    'Айгүл',
    'Гүлнара',
    'Жыпар',
    'Нургүл',
    'Бермет',
    'Чолпон',
    'Айжан',
    'Мээрим',
    'Асель',
    'Динара',
    'Гүлзат',
    'Жаркын',
  ],
  male: [
    'Эрмек',
    'Бакыт',
    'Нурлан',
    'Азамат',
    'Талант',
    'Улан',
    'Мирлан',
    'Кубанычбек',
    'Эркин',
    'Садыр',
    'Максат',
    'Темир',
  ],
};
/** Family names in the masculine form; the feminine adds "а". */
export const FAMILY_NAMES = [
  'Токтосунов',
  'Мамытов',
  'Асанов',
  'Беков',
  'Садыков',
  'Жумабаев',
  'Осмонов',
  'Токтогулов',
  'Абдыкадыров',
  'Сыдыков',
  'Маматов',
  'Алымбеков',
];

/** `training-position` codes, each with where such a person works (`{town}`: the town). */
export const POSITIONS: { code: string; organisation: string; weight: number }[] = [
  { code: 'municipal-staff', organisation: 'Мэрия г. {town}', weight: 5 },
  { code: 'council-deputy', organisation: 'Городской кенеш г. {town}', weight: 3 },
  { code: 'civil-society', organisation: 'ОО «Аялдар демилгеси»', weight: 2 },
  {
    code: 'district-administration',
    organisation: 'Районная государственная администрация',
    weight: 1,
  },
  { code: 'other', organisation: 'Средняя школа № 1 г. {town}', weight: 1 },
];

/** The held training of each target town: when, and which methodology modules. */
export const TOWN_TRAININGS: Record<string, { dates: string[]; modules: string[]; topic: string }> =
  {
    'kochkor-ata': {
      dates: ['2024-09-17', '2024-09-18', '2024-09-19'],
      modules: ['methodology', 'working-group', 'profiles'],
      topic: 'Методология ПСЭР и отраслевые профили',
    },
    'shamaldy-say': {
      dates: ['2024-10-08', '2024-10-09', '2024-10-10'],
      modules: ['methodology', 'participation', 'gender-inclusion'],
      topic: 'Участие граждан и гендерное включение',
    },
    kerben: {
      dates: ['2024-09-24', '2024-09-25', '2024-09-26'],
      modules: ['methodology', 'analysis', 'action-plan'],
      topic: 'Анализ и план действий ПСЭР',
    },
  };

export const DEMO_NOTE = 'ДЕМО-данные';
export const TRAINERS = 'ДЕМО: тренеры проекта (Бермет Асанова, Талант Осмонов)';

export const ZERO_COMMENT = 'ДЕМО: в проекте этого нет, рекомендовано доработать.';
export const EVIDENCE = 'ДЕМО: проект ПСЭР, раздел 3 и приложения.';
