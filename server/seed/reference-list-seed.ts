/**
 * The reference lists every server starts with. Ids are fixed (UUIDv8 from SHA-256 of
 * `sedp-field:reference-item:<list>:<code>`), as for territories. Groups follow DOMAIN.md
 * ("Public hearings"), positions and modules DOMAIN.md ("Trainings", "The SEDP process").
 */
import type { ReferenceItemSeed } from '../../src/domain/reference-list.ts';

export const REFERENCE_ITEM_SEED: readonly ReferenceItemSeed[] = [
  {
    id: 'ff31147a-0bef-8217-bfbd-143e79ea1283',
    list: 'participant-group',
    code: 'youth',
    order: 10,
    names: { ru: 'Молодежь', ky: 'Жаштар', en: 'Youth' },
  },
  {
    id: '179ae3db-c3ed-87ab-9ef7-89db012edbb2',
    list: 'participant-group',
    code: 'elderly',
    order: 20,
    names: { ru: 'Пожилые', ky: 'Улгайган адамдар', en: 'Elderly' },
  },
  {
    id: '7bcea477-8b61-8997-ba31-6920d8653e9f',
    list: 'participant-group',
    code: 'disability',
    order: 30,
    names: {
      ru: 'Лица с ОВЗ',
      ky: 'Майыптыгы бар адамдар',
      en: 'Persons with disabilities',
    },
  },
  {
    id: '6f5eaa0a-d731-8c0e-8c9c-9185c9b8637c',
    list: 'participant-group',
    code: 'large-low-income',
    order: 40,
    names: {
      ru: 'Многодетные и малообеспеченные семьи',
      ky: 'Көп балалуу жана аз камсыз болгон үй-бүлөлөр',
      en: 'Large or low-income families',
    },
  },
  {
    id: '5346bc14-58e1-8ede-a196-10f5fcca2d82',
    list: 'participant-group',
    code: 'migrant-families',
    order: 50,
    names: {
      ru: 'Семьи трудовых мигрантов',
      ky: 'Эмгек мигранттарынын үй-бүлөлөрү',
      en: 'Families of labour migrants',
    },
  },
  {
    id: 'ffda53c4-400d-8ae2-9f9c-f47c9a75e621',
    list: 'participant-group',
    code: 'ethnic-minorities',
    order: 60,
    names: { ru: 'Этнические меньшинства', ky: 'Этникалык азчылыктар', en: 'Ethnic minorities' },
  },
  {
    id: '5e65da64-09f6-842c-96f8-2a009580aef9',
    list: 'training-position',
    code: 'council-deputy',
    order: 10,
    names: {
      ru: 'Депутат местного кенеша',
      ky: 'Жергиликтүү кеңештин депутаты',
      en: 'Council deputy',
    },
  },
  {
    id: '46dcbd0a-b328-8e57-bd1f-e9fe8db60048',
    list: 'training-position',
    code: 'municipal-staff',
    order: 20,
    names: { ru: 'Сотрудник ОМСУ', ky: 'ЖӨБ кызматкери', en: 'Municipal staff' },
  },
  {
    id: 'e6af9db6-301e-87a6-99b5-1d58faccb2ac',
    list: 'training-position',
    code: 'district-administration',
    order: 30,
    names: {
      ru: 'Районная администрация',
      ky: 'Райондук администрация',
      en: 'District administration',
    },
  },
  {
    id: '2e90bdf9-ccc9-8100-b134-e731e30955cb',
    list: 'training-position',
    code: 'civil-society',
    order: 40,
    names: { ru: 'Гражданское общество', ky: 'Жарандык коом', en: 'Civil society' },
  },
  {
    id: 'd93d4166-a773-8a40-b01f-c9c372076b5f',
    list: 'training-position',
    code: 'other',
    order: 90,
    names: { ru: 'Другое', ky: 'Башка', en: 'Other' },
  },
  {
    id: 'a1c84ba6-4a93-8cf3-a6dd-8d7ce78cd631',
    list: 'training-module',
    code: 'methodology',
    order: 10,
    names: {
      ru: 'Методика разработки ПСЭР (2024)',
      ky: 'СЭӨПтү иштеп чыгуу методикасы (2024)',
      en: 'SEDP methodology (2024)',
    },
  },
  {
    id: 'bc1433c6-2e57-81ea-a5d2-a8a5d3a2823a',
    list: 'training-module',
    code: 'working-group',
    order: 20,
    names: {
      ru: 'Рабочая группа и план подготовки',
      ky: 'Жумушчу топ жана даярдоо планы',
      en: 'Working group and preparation plan',
    },
  },
  {
    id: 'd13b26d6-5aff-84f3-b45d-884394c6e368',
    list: 'training-module',
    code: 'profiles',
    order: 30,
    names: {
      ru: 'Сбор данных и отраслевые профили',
      ky: 'Маалымат чогултуу жана тармактык профилдер',
      en: 'Data collection and sectoral profiles',
    },
  },
  {
    id: 'd0ba32f2-2b6a-8b0e-99d7-1d869c093824',
    list: 'training-module',
    code: 'analysis',
    order: 40,
    names: {
      ru: 'Анализ и прогноз (SWOT, анализ проблем)',
      ky: 'Талдоо жана болжолдоо (SWOT, көйгөйлөрдү талдоо)',
      en: 'Analysis and forecasting (SWOT, problem analysis)',
    },
  },
  {
    id: 'e5931e19-4a52-8fec-8a17-661d4db2bac0',
    list: 'training-module',
    code: 'participation',
    order: 50,
    names: {
      ru: 'Участие граждан и публичные слушания',
      ky: 'Жарандардын катышуусу жана коомдук угуулар',
      en: 'Citizen participation and public hearings',
    },
  },
  {
    id: 'e0928715-43cb-864b-8003-d88c5c7ff3f4',
    list: 'training-module',
    code: 'action-plan',
    order: 60,
    names: {
      ru: 'Приоритеты, цели и план действий с бюджетом',
      ky: 'Артыкчылыктар, максаттар жана бюджети менен иш-аракеттер планы',
      en: 'Priorities, goals and a budgeted action plan',
    },
  },
  {
    id: '33f33dba-e06b-8620-9897-b0aaac07011e',
    list: 'training-module',
    code: 'monitoring',
    order: 70,
    names: {
      ru: 'Индикаторы и план мониторинга',
      ky: 'Индикаторлор жана мониторинг планы',
      en: 'Indicators and monitoring plan',
    },
  },
  {
    id: 'ee12f40c-93ed-81c7-9179-7b3c76f49d9b',
    list: 'training-module',
    code: 'gender-inclusion',
    order: 80,
    names: {
      ru: 'Гендер и социальная инклюзия в ПСЭР',
      ky: 'СЭӨПтөгү гендер жана социалдык инклюзия',
      en: 'Gender and social inclusion in the SEDP',
    },
  },
];
