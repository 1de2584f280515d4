import type { ImportFormat } from '../../../../shared/contracts/imports';
import { IMPORT_SOURCES, type ImportSource } from './import-sources';

/** The menu path to the export, drawn as a row of steps so it can be followed on the other site. */
export function ExportPath({ source }: { source: ImportSource }) {
  return (
    <ol className="export-path" aria-label={`Where to find it: ${source.path.join(', then ')}`}>
      {source.path.map((step, index) => (
        <li key={step} className="export-path-step">
          <span className={index === source.path.length - 1 ? 'export-path-box export-path-box--last' : 'export-path-box'}>{step}</span>
        </li>
      ))}
    </ol>
  );
}

/** Where are the contacts now? One choice, and for it, how to get the file. */
export function SourcePicker({ value, onChange }: { value: ImportFormat | null; onChange: (format: ImportFormat) => void }) {
  const chosen = IMPORT_SOURCES.find((source) => source.format === value);
  return (
    <div className="stack">
      <fieldset className="source-picker">
        <legend className="field-label">Where are your contacts now?</legend>
        <div className="source-options">
          {IMPORT_SOURCES.map((source) => (
            <label key={source.format} className="source-option">
              <input type="radio" name="import-source" value={source.format} checked={value === source.format} onChange={() => onChange(source.format)} />
              <span>{source.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {chosen ? (
        <section className="source-help" aria-labelledby="source-help-title">
          <h3 id="source-help-title">How to get {chosen.file === 'a .csv file' ? 'the file' : chosen.file}</h3>
          <ExportPath source={chosen} />
          <ol className="source-steps">
            {chosen.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {chosen.note ? <p className="muted">{chosen.note}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
