/**
 * The work plan as Table 1 of the terms of reference sets it out. These are the starting
 * values only: the 2024 deadlines are past and the phase runs to 2028, so admins edit targets
 * and dates in the app. Ids are fixed (UUIDv8 from SHA-256 of `sedp-field:work-plan:<n>`).
 */
import type { WorkPlanSeed } from '../../src/domain/work-plan.ts';

export const WORK_PLAN_SEED: readonly WorkPlanSeed[] = [
  {
    id: 'df4253af-d980-8a39-8a3d-187dc89c5b47',
    number: 1,
    measure: 'towns-trained',
    target: 3,
    deadline: '2024-09-30',
    activity: {
      en: 'Training on the SEDP methodology for the three target towns',
      ru: 'Обучение по методологии разработки ПСЭР для трёх целевых городов',
      ky: 'Үч максаттуу шаар үчүн СЭӨП методологиясы боюнча окутуу',
    },
    indicator: {
      en: 'Representatives of Kochkor-Ata, Shamaldy-Say and Kerben trained',
      ru: 'Обучены представители Кочкор-Аты, Шамалды-Сая и Кербена',
      ky: 'Кочкор-Ата, Шамалды-Сай жана Кербен шаарларынын өкүлдөрү окутулду',
    },
  },
  {
    id: 'ac66c2ae-e66b-8df4-88d7-bf05df98c9bd',
    number: 2,
    measure: 'drafts-submitted',
    target: 30,
    deadline: '2024-12-31',
    activity: {
      en: 'Work with the 24 target municipalities and 6 target districts on their SEDPs',
      ru: 'Работа с 24 целевыми муниципалитетами и 6 целевыми районами над ПСЭР',
      ky: '24 максаттуу муниципалитет жана 6 максаттуу район менен СЭӨП боюнча иш',
    },
    indicator: {
      en: 'Draft SEDPs of 24 municipalities and 6 districts, including sectoral profiles',
      ru: 'Проекты ПСЭР 24 муниципалитетов и 6 районов, включая отраслевые профили',
      ky: '24 муниципалитеттин жана 6 райондун СЭӨП долбоорлору, тармактык профилдер менен',
    },
  },
  {
    id: '0d0047d5-5f32-8fe8-9eb5-4a759546f244',
    number: 3,
    measure: 'drafts-evaluated',
    target: 30,
    deadline: '2024-12-31',
    activity: {
      en: 'Expert evaluation of the drafts: inclusivity, gender equity, methodology compliance, data completeness',
      ru: 'Экспертная оценка проектов: инклюзивность, гендерное равенство, соответствие методологии, полнота данных',
      ky: 'Долбоорлорду эксперттик баалоо: инклюзивдүүлүк, гендердик теңчилик, методологияга ылайыктуулук, маалыматтардын толуктугу',
    },
    indicator: {
      en: 'Draft SEDPs evaluated',
      ru: 'Оценено проектов ПСЭР',
      ky: 'Бааланган СЭӨП долбоорлору',
    },
  },
  {
    id: '85b2faf0-3f13-8390-b545-fd283ed5ef34',
    number: 4,
    measure: 'report',
    target: 1,
    deadline: '2024-12-31',
    activity: {
      en: 'Short report (at most 3 A4 pages) on challenges and lessons learned',
      ru: 'Краткий отчёт (не более 3 страниц A4) о трудностях и извлечённых уроках',
      ky: 'Кыйынчылыктар жана алынган сабактар боюнча кыска отчет (A4 форматында 3 барактан ашпаган)',
    },
    indicator: {
      en: 'Report submitted',
      ru: 'Отчёт представлен',
      ky: 'Отчет тапшырылды',
    },
  },
  {
    id: '937a5b6b-4ddd-833a-b932-3a1caf57bc3c',
    number: 5,
    measure: 'council-approvals',
    target: 24,
    deadline: '2024-12-31',
    activity: {
      en: 'Support the 24 municipalities in the approval of their SEDPs by local councils (keneshes)',
      ru: 'Содействие 24 муниципалитетам в утверждении ПСЭР местными кенешами',
      ky: '24 муниципалитетке СЭӨПтү жергиликтүү кеңештер тарабынан бекитүүдө көмөк көрсөтүү',
    },
    indicator: {
      en: 'SEDPs approved by the local council',
      ru: 'ПСЭР утверждены местным кенешем',
      ky: 'Жергиликтүү кеңеш бекиткен СЭӨП',
    },
  },
  {
    id: 'c658f369-f2a2-8c4a-af90-5735d9dd9591',
    number: 6,
    measure: 'presentation',
    target: 1,
    deadline: '2024-12-31',
    activity: {
      en: 'Presentation of the main results and lessons learned',
      ru: 'Презентация основных результатов и извлечённых уроков',
      ky: 'Негизги жыйынтыктарды жана алынган сабактарды презентациялоо',
    },
    indicator: {
      en: 'Presentation held',
      ru: 'Презентация проведена',
      ky: 'Презентация өткөрүлдү',
    },
  },
];
