import type { ReactNode } from 'react';
import { LANGUAGES, type Language } from '../i18n/languages.ts';

export interface PrintControlsProps {
  /** The way back to the record (a link). */
  back: ReactNode;
  language: Language;
  onLanguage: (language: Language) => void;
  languageLabel: string;
  languageName: (language: Language) => string;
  printLabel: string;
  /** More controls (the kind of sheet, for one). */
  children?: ReactNode;
}

/** Above a printable document, never printed: back, the document's language, print. */
export function PrintControls(props: PrintControlsProps) {
  return (
    <div className="print-controls no-print">
      {props.back}
      <label className="field__label" htmlFor="print-language">
        {props.languageLabel}
      </label>
      <select
        id="print-language"
        value={props.language}
        onChange={(e) => props.onLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {props.languageName(lng)}
          </option>
        ))}
      </select>
      {props.children}
      <button type="button" className="button button--primary" onClick={() => window.print()}>
        {props.printLabel}
      </button>
    </div>
  );
}

/** One line of a document's facts table; an empty value prints as a dash. */
export function DocumentFact({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value || '—'}</td>
    </tr>
  );
}
