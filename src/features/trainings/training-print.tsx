import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import '../../ui/document.css';
import { useRecord, useReferenceItems } from '../../db/hooks.ts';
import { itemName } from '../../domain/reference-list.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { municipalityOf, trainingTitle, trainingTotals } from '../../domain/training.ts';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { DocumentFact, PrintControls } from '../../ui/print-controls.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { useFixedLanguage } from '../../ui/use-fixed-language.ts';

/** Empty lines on a blank sheet: a page of an A4 sheet, room for latecomers. */
const BLANK_ROWS = 25;
/** Signature columns that fit one A4 landscape width beside a name wide enough to write. */
export const DAYS_PER_SHEET = 5;

/** The days in groups of DAYS_PER_SHEET: one table each, the later ones on pages of their own. */
export function sheetDayGroups(dates: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < dates.length; i += DAYS_PER_SHEET) {
    groups.push(dates.slice(i, i + DAYS_PER_SHEET));
  }
  return groups;
}

/**
 * The attendance sheet of a training (A4): blank, with the session header and a signature
 * column for each day, to be signed in the room; or filled, the roster as recorded with
 * its totals. In the language chosen for it: `?sheet=blank&language=ky`.
 */
export function TrainingPrint() {
  const { id = '' } = useParams();
  const { t } = useTranslation('trainings');
  const ui = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('language');
  const language: Language = isLanguage(asked) ? asked : ui.language;
  const sheet = params.get('sheet') === 'filled' ? 'filled' : 'blank';
  const p = useFixedLanguage(language, ['trainings', 'attendance', 'common']);
  const record = useRecord('training', id);
  const tree = useTerritoryTree();
  const items = useReferenceItems() ?? [];

  if (record === undefined || !p) return <p className="page muted">{t('loading')}</p>;
  if (record === null) {
    return <NotOnDevice message={t('notFound')} back="/trainings" backLabel={t('backToList')} />;
  }

  const training = record.body;
  const place = (territoryId: string | undefined) =>
    (territoryId && territoryName(tree, territoryId, language)) || '';
  const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00`), language, 'short');
  const n = (value: number) => formatNumber(value, language);
  const moduleName = (code: string) => itemName(items, 'training-module', code, language);
  const modules = training.moduleCodes.map(moduleName).join(', ');
  const totals = trainingTotals(training.attendance);
  const people = sheet === 'filled' ? training.attendance.participants : [];
  const blankRows = sheet === 'blank' ? BLANK_ROWS : 0;
  const dayGroups = sheetDayGroups(training.dates);
  const choose = (next: Record<string, string>) =>
    setParams({ sheet, language, ...next }, { replace: true });

  return (
    <div className="print-view" lang={language}>
      <PrintControls
        back={<Link to={`/trainings/${id}`}>{t('print.back')}</Link>}
        language={language}
        onLanguage={(lng) => choose({ language: lng })}
        languageLabel={t('print.language')}
        languageName={(lng) => t(`print.languages.${lng}`)}
        printLabel={t('print.print')}
      >
        <label className="field__label" htmlFor="print-sheet">
          {t('print.sheet')}
        </label>
        <select id="print-sheet" value={sheet} onChange={(e) => choose({ sheet: e.target.value })}>
          <option value="blank">{t('print.blank')}</option>
          <option value="filled">{t('print.filled')}</option>
        </select>
      </PrintControls>
      <article className="document training-document" aria-label={p('trainings:print.heading')}>
        <h1>{p('trainings:print.heading')}</h1>
        <p className="document__subtitle">{trainingTitle(training, moduleName)}</p>
        <table className="document__facts">
          <tbody>
            <DocumentFact label={p('trainings:session.modules')} value={modules} />
            <DocumentFact
              label={p('trainings:print.dates')}
              value={training.dates.map(day).join(', ')}
            />
            <DocumentFact
              label={p('trainings:session.municipalities')}
              value={training.municipalityIds.map(place).join(', ')}
            />
            <DocumentFact
              label={p('trainings:print.district')}
              value={place(training.districtId)}
            />
            <DocumentFact label={p('trainings:session.venue')} value={training.venue} />
            <DocumentFact label={p('trainings:session.trainers')} value={training.trainers} />
          </tbody>
        </table>
        {dayGroups.map((days, group) => (
          <TableScroll
            key={days[0]}
            className="training-sheet__part"
            label={`${p('trainings:print.dates')}: ${days.map(day).join(', ')}`}
          >
            <table className="document__table training-sheet">
              <colgroup>
                <col className="training-sheet__number" />
                <col className="training-sheet__name" />
                <col className="training-sheet__sex" />
                <col className="training-sheet__position" />
                <col className="training-sheet__organisation" />
                <col className="training-sheet__municipality" />
                <col className="training-sheet__phone" />
                {days.map((d) => (
                  <col key={d} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">№</th>
                  <th scope="col">{p('attendance:participant.name')}</th>
                  <th scope="col">{p('trainings:print.sex')}</th>
                  <th scope="col">{p('attendance:participant.position')}</th>
                  <th scope="col">{p('attendance:participant.organisation')}</th>
                  <th scope="col">{p('attendance:participant.municipality')}</th>
                  <th scope="col">{p('trainings:print.phone')}</th>
                  {days.map((d) => (
                    <th key={d} scope="col">
                      {p('trainings:print.signature', { day: day(d) })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {people.map((person, index) => (
                  <tr key={person.id}>
                    <td>{n(index + 1)}</td>
                    <td>{person.name}</td>
                    <td>{p(`attendance:participant.${person.sex}`)}</td>
                    <td>
                      {person.position
                        ? itemName(items, 'training-position', person.position, language)
                        : ''}
                    </td>
                    <td>{person.organisation}</td>
                    <td>{place(municipalityOf(training, person))}</td>
                    <td>{person.phone}</td>
                    {days.map((d) => (
                      <td key={d}>{person.days?.includes(d) ? '✓' : ''}</td>
                    ))}
                  </tr>
                ))}
                {Array.from({ length: blankRows }, (_, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: blank lines are positional.
                  <tr key={`${group}-${index}`} className="training-sheet__blank">
                    <td>{n(index + 1)}</td>
                    {Array.from({ length: 6 + days.length }, (_, cell) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: blank cells are positional.
                      <td key={cell} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
        {sheet === 'filled' && (
          <table className="document__table">
            <caption>{p('trainings:totals.title')}</caption>
            <tbody>
              <tr>
                <th scope="row">{p('trainings:totals.women')}</th>
                <td>{n(totals.women)}</td>
              </tr>
              <tr>
                <th scope="row">{p('trainings:totals.men')}</th>
                <td>{n(totals.men)}</td>
              </tr>
              <tr className="document__total">
                <th scope="row">{p('trainings:totals.total')}</th>
                <td>{n(totals.total)}</td>
              </tr>
              <tr>
                <th scope="row">{p('trainings:totals.share')}</th>
                <td>
                  {totals.womenShare === null ? '—' : formatPercent(totals.womenShare, language)}
                </td>
              </tr>
            </tbody>
          </table>
        )}
        <div className="document__signatures">
          <p>{p('trainings:print.trainerSignature')}: ____________________</p>
        </div>
      </article>
    </div>
  );
}
