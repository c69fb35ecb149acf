/**
 * The starting evaluation template (DOMAIN.md, "Evaluation of a draft SEDP"): four
 * dimensions and their criteria in the three languages. It is version 1 only: admins
 * publish later versions in the app. The id is fixed (UUIDv8 from SHA-256 of
 * `sedp-field:checklist-template:sedp-evaluation:1`), so every server seeds the same record.
 */
import type { ChecklistTemplateSeed } from '../../src/domain/checklist.ts';

export const CHECKLIST_TEMPLATE_SEED: readonly ChecklistTemplateSeed[] = [
  {
    id: '914a63a8-d151-8e3c-8e5b-6981028acd19',
    key: 'sedp-evaluation',
    version: 1,
    publishedAt: '2024-08-01',
    title: {
      en: 'Evaluation of a draft SEDP',
      ru: 'Оценка проекта ПСЭР',
      ky: 'СЭӨП долбоорун баалоо',
    },
    dimensions: [
      {
        code: 'inclusivity',
        title: { en: 'Inclusivity', ru: 'Инклюзивность', ky: 'Инклюзивдүүлүк' },
        criteria: [
          {
            code: 'working-group-composition',
            weight: 1,
            text: {
              en: "Working group includes women, youth and vulnerable groups' representatives.",
              ru: 'В состав рабочей группы входят женщины, молодежь и представители уязвимых групп.',
              ky: 'Жумушчу топтун курамында аялдар, жаштар жана аялуу топтордун өкүлдөрү бар.',
            },
            guidance: {
              en: 'Check the order forming the working group and its member list by sex and group.',
              ru: 'Проверьте распоряжение о создании рабочей группы и список её членов по полу и группам.',
              ky: 'Жумушчу топту түзүү жөнүндө буйрукту жана анын мүчөлөрүнүн тизмесин жынысы жана топтору боюнча текшериңиз.',
            },
          },
          {
            code: 'separate-consultations',
            weight: 1,
            text: {
              en: 'Separate consultations were held with women, youth, persons with disabilities.',
              ru: 'Проведены отдельные консультации с женщинами, молодежью, лицами с ограниченными возможностями здоровья.',
              ky: 'Аялдар, жаштар, ден соолугунун мүмкүнчүлүгү чектелген адамдар менен өзүнчө консультациялар өткөрүлдү.',
            },
            guidance: {
              en: 'Minutes or reports of the focus groups: date, participants, main points raised.',
              ru: 'Протоколы или отчёты фокус-групп: дата, участники, основные высказанные вопросы.',
              ky: 'Фокус-топтордун протоколдору же отчеттору: күнү, катышуучулар, көтөрүлгөн негизги маселелер.',
            },
          },
          {
            code: 'hearing-attendance-recorded',
            weight: 1,
            text: {
              en: 'Public hearing attendance is recorded by sex and group.',
              ru: 'Участие в публичных слушаниях учтено по полу и группам.',
              ky: 'Коомдук угууларга катышуу жынысы жана топтору боюнча эсепке алынган.',
            },
            guidance: {
              en: 'Minutes and signed attendance sheets give the number of women, men and each group.',
              ru: 'В протоколах и подписанных листах регистрации указано число женщин, мужчин и каждой группы.',
              ky: 'Протоколдордо жана кол коюлган каттоо баракчаларында аялдардын, эркектердин жана ар бир топтун саны көрсөтүлгөн.',
            },
          },
          {
            code: 'proposals-traceable',
            weight: 1,
            text: {
              en: 'Proposals from women, youth and vulnerable groups are traceable to priorities.',
              ru: 'Предложения женщин, молодежи и уязвимых групп прослеживаются в приоритетах.',
              ky: 'Аялдардын, жаштардын жана аялуу топтордун сунуштары артыкчылыктарда чагылдырылган.',
            },
            guidance: {
              en: 'Follow a few proposals from the hearing minutes to the priorities and the action plan.',
              ru: 'Проследите несколько предложений из протоколов слушаний до приоритетов и плана действий.',
              ky: 'Угуулардын протоколдорундагы бир нече сунушту артыкчылыктарга жана иш-аракеттер планына чейин байкаңыз.',
            },
          },
          {
            code: 'accessible-participation',
            weight: 1,
            text: {
              en: 'Venues and materials were accessible (language, disability, timing).',
              ru: 'Места проведения и материалы были доступны (язык, доступность для лиц с ОВЗ, удобное время).',
              ky: 'Өткөрүлгөн жайлар жана материалдар жеткиликтүү болгон (тил, майыптыгы бар адамдар үчүн шарт, ыңгайлуу убакыт).',
            },
            guidance: {
              en: 'Materials in Kyrgyz and Russian, a step-free venue, meetings at times women can attend.',
              ru: 'Материалы на кыргызском и русском языках, помещение без ступеней, встречи в удобное для женщин время.',
              ky: 'Материалдар кыргыз жана орус тилдеринде, тепкичсиз жай, жолугушуулар аялдарга ыңгайлуу убакта.',
            },
          },
        ],
      },
      {
        code: 'gender-equity',
        title: { en: 'Gender equity', ru: 'Гендерное равенство', ky: 'Гендердик теңчилик' },
        criteria: [
          {
            code: 'sex-disaggregated-profiles',
            weight: 1,
            text: {
              en: 'Sectoral profiles use sex-disaggregated data.',
              ru: 'В отраслевых профилях используются данные в разбивке по полу.',
              ky: 'Тармактык профилдерде жынысы боюнча бөлүштүрүлгөн маалыматтар колдонулат.',
            },
            guidance: {
              en: 'Look for figures for women and men in the population, employment, education and health profiles.',
              ru: 'Ищите отдельные данные по женщинам и мужчинам в профилях населения, занятости, образования и здравоохранения.',
              ky: 'Калк, жумуш менен камсыз болуу, билим берүү жана саламаттыкты сактоо профилдеринен аялдар жана эркектер боюнча өзүнчө маалыматтарды издеңиз.',
            },
          },
          {
            code: 'gender-problem-analysis',
            weight: 1,
            text: {
              en: 'Problems specific to women and men are analysed.',
              ru: 'Проанализированы проблемы, характерные для женщин и для мужчин.',
              ky: 'Аялдарга жана эркектерге мүнөздүү көйгөйлөр талданган.',
            },
            guidance: {
              en: 'The problem analysis (SWOT, problem tree) says who is affected and how.',
              ru: 'В анализе проблем (SWOT, дерево проблем) указано, кого и как затрагивает проблема.',
              ky: 'Көйгөйлөрдү талдоодо (SWOT, көйгөйлөр дарагы) көйгөй кимге жана кантип таасир этээри көрсөтүлгөн.',
            },
          },
          {
            code: 'budgeted-measure-women',
            weight: 1,
            text: {
              en: "At least one budgeted measure targets women's needs.",
              ru: 'Хотя бы одно мероприятие с бюджетом направлено на потребности женщин.',
              ky: 'Бюджети бар жок дегенде бир иш-чара аялдардын муктаждыктарына багытталган.',
            },
            guidance: {
              en: 'The action plan shows the measure with its amount and source of funding.',
              ru: 'В плане действий указано мероприятие с суммой и источником финансирования.',
              ky: 'Иш-аракеттер планында иш-чара анын суммасы жана каржылоо булагы менен көрсөтүлгөн.',
            },
          },
          {
            code: 'budgeted-measures-youth-disability',
            weight: 1,
            text: {
              en: 'Measures for youth and for persons with disabilities are budgeted.',
              ru: 'Мероприятия для молодежи и для лиц с ограниченными возможностями здоровья обеспечены бюджетом.',
              ky: 'Жаштар жана ден соолугунун мүмкүнчүлүгү чектелген адамдар үчүн иш-чаралар бюджет менен камсыз кылынган.',
            },
            guidance: {
              en: 'Score 0.5 when only one of the two groups has a budgeted measure.',
              ru: 'Поставьте 0,5, если мероприятие с бюджетом есть только для одной из двух групп.',
              ky: 'Эки топтун биринде гана бюджети бар иш-чара болсо, 0,5 коюңуз.',
            },
          },
          {
            code: 'indicators-by-sex',
            weight: 1,
            text: {
              en: 'Indicators are disaggregated by sex where relevant.',
              ru: 'Индикаторы разбиты по полу там, где это уместно.',
              ky: 'Индикаторлор зарыл болгон учурларда жынысы боюнча бөлүштүрүлгөн.',
            },
            guidance: {
              en: 'Indicators about people (beneficiaries, jobs, trainees) give women and men separately.',
              ru: 'Индикаторы, касающиеся людей (получатели, рабочие места, обученные), приводятся отдельно для женщин и мужчин.',
              ky: 'Адамдарга тиешелүү индикаторлор (пайда алуучулар, жумуш орундары, окугандар) аялдар жана эркектер үчүн өзүнчө берилет.',
            },
          },
        ],
      },
      {
        code: 'methodology',
        title: {
          en: 'Methodology compliance',
          ru: 'Соответствие методологии',
          ky: 'Методологияга ылайыктуулук',
        },
        criteria: [
          {
            code: 'stages-with-evidence',
            weight: 1,
            text: {
              en: 'All methodology stages completed with evidence (working group order, profiles, analysis, participation, action plan, monitoring plan).',
              ru: 'Все этапы методологии пройдены и подтверждены (распоряжение о рабочей группе, профили, анализ, участие граждан, план действий, план мониторинга).',
              ky: 'Методологиянын бардык этаптары аткарылган жана далилденген (жумушчу топ боюнча буйрук, профилдер, талдоо, жарандардын катышуусу, иш-аракеттер планы, мониторинг планы).',
            },
            guidance: {
              en: 'Score 0.5 when one or two stages lack evidence.',
              ru: 'Поставьте 0,5, если у одного-двух этапов нет подтверждения.',
              ky: 'Бир же эки этаптын далили жок болсо, 0,5 коюңуз.',
            },
          },
          {
            code: 'action-plan-budget',
            weight: 1,
            text: {
              en: 'Action plan linked to budget and sources of funding.',
              ru: 'План действий увязан с бюджетом и источниками финансирования.',
              ky: 'Иш-аракеттер планы бюджет жана каржылоо булактары менен байланыштырылган.',
            },
            guidance: {
              en: 'Each measure has an amount and a source (local budget, republican budget, donors).',
              ru: 'У каждого мероприятия указаны сумма и источник (местный бюджет, республиканский бюджет, доноры).',
              ky: 'Ар бир иш-чаранын суммасы жана булагы (жергиликтүү бюджет, республикалык бюджет, донорлор) көрсөтүлгөн.',
            },
          },
          {
            code: 'responsibilities-deadlines',
            weight: 1,
            text: {
              en: 'Responsible bodies and deadlines defined for each measure.',
              ru: 'Для каждого мероприятия определены ответственные и сроки.',
              ky: 'Ар бир иш-чара үчүн жооптуулар жана мөөнөттөр аныкталган.',
            },
          },
          {
            code: 'monitoring-reporting',
            weight: 1,
            text: {
              en: 'Monitoring and reporting arrangements defined.',
              ru: 'Определён порядок мониторинга и отчётности.',
              ky: 'Мониторинг жана отчеттуулук тартиби аныкталган.',
            },
            guidance: {
              en: 'The monitoring plan says who collects which indicator, when, and to whom they report.',
              ru: 'В плане мониторинга указано, кто, когда и какие индикаторы собирает и кому отчитывается.',
              ky: 'Мониторинг планында ким, качан, кайсы индикаторлорду чогултаары жана кимге отчет берээри көрсөтүлгөн.',
            },
          },
        ],
      },
      {
        code: 'data-completeness',
        title: {
          en: 'Data completeness',
          ru: 'Полнота данных',
          ky: 'Маалыматтардын толуктугу',
        },
        criteria: [
          {
            code: 'standard-indicators',
            weight: 1,
            text: {
              en: 'Standard indicator set filled for the latest year.',
              ru: 'Стандартный набор индикаторов заполнен за последний год.',
              ky: 'Индикаторлордун стандарттуу топтому акыркы жыл үчүн толтурулган.',
            },
            guidance: {
              en: 'Count the empty cells of the standard set; score 0.5 when a few are missing.',
              ru: 'Посчитайте пустые ячейки стандартного набора; поставьте 0,5, если не хватает нескольких.',
              ky: 'Стандарттуу топтомдун бош уячаларын санаңыз; бир нечеси жетишпесе, 0,5 коюңуз.',
            },
          },
          {
            code: 'sources-years',
            weight: 1,
            text: {
              en: 'Data sources and years stated.',
              ru: 'Указаны источники данных и годы.',
              ky: 'Маалыматтардын булактары жана жылдары көрсөтүлгөн.',
            },
          },
          {
            code: 'population-breakdown',
            weight: 1,
            text: {
              en: 'Population data by sex, age group and disability.',
              ru: 'Данные о населении по полу, возрастным группам и наличию инвалидности.',
              ky: 'Калк жөнүндө маалыматтар жынысы, курак топтору жана майыптыгы боюнча берилген.',
            },
            guidance: {
              en: "Sources: the municipality's household register and the district statistics office.",
              ru: 'Источники: похозяйственная книга муниципалитета и районный отдел статистики.',
              ky: 'Булактар: муниципалитеттин чарба китеби жана райондук статистика бөлүмү.',
            },
          },
          {
            code: 'no-empty-profile',
            weight: 1,
            text: {
              en: 'No empty sectoral profile.',
              ru: 'Нет незаполненных отраслевых профилей.',
              ky: 'Толтурулбаган тармактык профиль жок.',
            },
            guidance: {
              en: 'Every sector has its profile with figures and a short analysis.',
              ru: 'По каждому сектору есть профиль с цифрами и кратким анализом.',
              ky: 'Ар бир тармак боюнча сандар жана кыскача талдоо менен профиль бар.',
            },
          },
        ],
      },
    ],
  },
];
