import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import '../../ui/document.css';
import { useRecord, useReferenceItems } from '../../db/hooks.ts';
import { groupsBySex, womenShare } from '../../domain/attendance.ts';
import { hearingFigures } from '../../domain/hearing.ts';
import { itemName, itemsOf } from '../../domain/reference-list.ts';
import { territoryName } from '../../domain/territory-tree.ts';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { useTerritoryTree } from '../../records/use-territory-tree.ts';
import { DocumentFact, PrintControls } from '../../ui/print-controls.tsx';
import { useFixedLanguage } from '../../ui/use-fixed-language.ts';

/**
 * The minutes as a document to print (A4) and sign, in the language chosen for it, which
 * may differ from the interface's: `?language=ky`.
 */
export function HearingPrint() {
  const { id = '' } = useParams();
  const { t } = useTranslation('hearings');
  const ui = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('language');
  const language: Language = isLanguage(asked) ? asked : ui.language;
  const p = useFixedLanguage(language, ['hearings', 'attendance', 'common']);
  const record = useRecord('hearing', id);
  const tree = useTerritoryTree();
  const items = useReferenceItems();

  if (record === undefined || !p) return <p className="page muted">{t('loading')}</p>;
  if (record === null) {
    return <NotOnDevice message={t('notFound')} back="/hearings" backLabel={t('backToList')} />;
  }

  const h = record.body;
  const figures = hearingFigures(h);
  const share = womenShare(figures);
  const place = (territoryId: string) => territoryName(tree, territoryId, language) ?? '';
  const group = (code: string) => itemName(items ?? [], 'participant-group', code, language);
  const raiser = (code: string) =>
    code === 'women' || code === 'men' ? p(`hearings:proposals.raisedBySex.${code}`) : group(code);
  const groupCodes = [
    ...itemsOf(items ?? [], 'participant-group', { withRetired: true }).map((g) => g.code),
  ].filter((code) => (figures.groups[code] ?? 0) > 0);
  for (const code of Object.keys(figures.groups)) {
    if (!groupCodes.includes(code)) groupCodes.push(code);
  }
  const bySex = groupsBySex(h.attendance.participants);
  const n = (value: number) => formatNumber(value, language);
  const sheets = h.photos.filter((photo) => photo.kind === 'attendance-sheet').length;

  return (
    <div className="print-view" lang={language}>
      <PrintControls
        back={<Link to={`/hearings/${id}`}>{t('print.back')}</Link>}
        language={language}
        onLanguage={(lng) => setParams({ language: lng }, { replace: true })}
        languageLabel={t('print.language')}
        languageName={(lng) => t(`print.languages.${lng}`)}
        printLabel={t('print.print')}
      />
      <article className="document" aria-label={p('hearings:print.heading')}>
        <h1>{p('hearings:print.heading')}</h1>
        <p className="document__subtitle">
          {p('hearings:print.subtitle', { municipality: place(h.municipalityId) })}
        </p>
        {h.status === 'draft' && <p className="document__draft">{p('hearings:print.draft')}</p>}
        <table className="document__facts">
          <tbody>
            <DocumentFact
              label={p('hearings:print.municipality')}
              value={place(h.municipalityId)}
            />
            <DocumentFact label={p('hearings:print.district')} value={place(h.districtId)} />
            <DocumentFact label={p('hearings:minutes.venue')} value={h.venue} />
            <DocumentFact
              label={p('hearings:minutes.date')}
              value={formatDate(new Date(`${h.date}T12:00:00`), language, 'long')}
            />
            <DocumentFact
              label={p('hearings:print.time')}
              value={[h.startTime, h.endTime].filter(Boolean).join('–')}
            />
            <DocumentFact
              label={p('hearings:minutes.stage')}
              value={p(`hearings:stage.${h.stage}`)}
            />
            <DocumentFact label={p('hearings:minutes.organiser')} value={h.organiser} />
            <DocumentFact label={p('hearings:minutes.chair')} value={h.chair} />
            <DocumentFact label={p('hearings:minutes.secretary')} value={h.secretary} />
          </tbody>
        </table>

        <h2>{p('hearings:print.attendance')}</h2>
        <table className="document__table">
          <thead>
            <tr>
              <th scope="col">{p('hearings:print.category')}</th>
              <th scope="col">{p('hearings:print.people')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{p('attendance:tally.women')}</th>
              <td>{n(figures.women)}</td>
            </tr>
            <tr>
              <th scope="row">{p('attendance:tally.men')}</th>
              <td>{n(figures.men)}</td>
            </tr>
            <tr className="document__total">
              <th scope="row">{p('hearings:print.total')}</th>
              <td>{n(figures.total)}</td>
            </tr>
            <tr>
              <th scope="row">{p('hearings:print.womenShare')}</th>
              <td>{share === null ? '—' : formatPercent(share, language)}</td>
            </tr>
          </tbody>
        </table>
        {groupCodes.length > 0 && (
          <table className="document__table">
            <caption>{p('attendance:tally.groups')}</caption>
            <thead>
              <tr>
                <th scope="col">{p('hearings:print.group')}</th>
                <th scope="col">{p('hearings:print.people')}</th>
                {h.attendance.participants.length > 0 && (
                  <>
                    <th scope="col">{p('attendance:tally.women')}</th>
                    <th scope="col">{p('attendance:tally.men')}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {groupCodes.map((code) => (
                <tr key={code}>
                  <th scope="row">{group(code)}</th>
                  <td>{n(figures.groups[code] ?? 0)}</td>
                  {h.attendance.participants.length > 0 && (
                    <>
                      <td>{n(bySex[code]?.women ?? 0)}</td>
                      <td>{n(bySex[code]?.men ?? 0)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          {p('hearings:print.source', {
            source: p(`hearings:print.sources.${figures.source}`),
            sheets: n(sheets),
          })}
        </p>

        {h.agenda.length > 0 && (
          <>
            <h2>{p('hearings:agenda.title')}</h2>
            <ol>
              {h.agenda.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are positional.
                <li key={index}>{item}</li>
              ))}
            </ol>
          </>
        )}
        {h.speakers.length > 0 && (
          <>
            <h2>{p('hearings:speakers.title')}</h2>
            <ul>
              {h.speakers.map((speaker) => (
                <li key={speaker.id}>
                  {speaker.name}
                  {speaker.about && ` (${speaker.about})`}
                </li>
              ))}
            </ul>
          </>
        )}

        <h2>{p('hearings:print.proposals')}</h2>
        {h.proposals.length === 0 ? (
          <p>{p('hearings:proposals.none')}</p>
        ) : (
          <table className="document__table">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{p('hearings:print.proposal')}</th>
                <th scope="col">{p('hearings:print.raisedBy')}</th>
                <th scope="col">{p('hearings:print.response')}</th>
              </tr>
            </thead>
            <tbody>
              {h.proposals.map((proposal, index) => (
                <tr key={proposal.id}>
                  <td>{n(index + 1)}</td>
                  <td>{proposal.text}</td>
                  <td>{proposal.raisedBy.map(raiser).join(', ')}</td>
                  <td>
                    {p(`hearings:proposals.responses.${proposal.response}`)}
                    {proposal.reason && `: ${proposal.reason}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        {h.decisions.trim() && (
          <>
            <h2>{p('hearings:minutes.decisions')}</h2>
            <p className="document__text">{h.decisions}</p>
          </>
        )}

        <div className="document__signatures">
          <p>
            {p('hearings:minutes.chair')}: ____________________ {h.chair}
          </p>
          <p>
            {p('hearings:minutes.secretary')}: ____________________ {h.secretary}
          </p>
        </div>
      </article>
    </div>
  );
}
