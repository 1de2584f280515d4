import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ColumnMapping, ImportFormat, ImportResponse } from '../../shared/contracts/imports';
import { Button } from '../components/ui/button';
import { FormError } from '../components/ui/form-error';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { bulkInSlices } from '../features/network/contacts-api';
import { ColumnMappingStep } from '../features/network/import/column-mapping';
import { DryRunReport } from '../features/network/import/dry-run-report';
import { ImportResult, Working } from '../features/network/import/import-result';
import { sourceOf } from '../features/network/import/import-sources';
import { FileProblem, readImportFile } from '../features/network/import/read-file';
import { SourcePicker } from '../features/network/import/source-picker';
import { toolsApi } from '../features/network/tools-api';
import { messageOf } from '../lib/api';
import { plural } from '../lib/format';
import { usePageTitle } from '../lib/use-page-title';
import '../features/network/import/import.css';

type Loaded = { name: string; text: string };
type Stage =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'review'; report: ImportResponse }
  | { step: 'importing'; report: ImportResponse }
  | { step: 'done'; result: ImportResponse }
  | { step: 'undone'; count: number };

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

export function NetworkImportRoute() {
  usePageTitle('Import contacts');
  const [params, setParams] = useSearchParams();
  const initial = sourceOf(params.get('source'))?.format ?? null;
  const [format, setFormat] = useState<ImportFormat | null>(initial);
  const [file, setFile] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [rechecking, setRechecking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const generation = useRef(0);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  // The columns as last matched by hand: a corrected file with the same columns keeps the same matches.
  const remembered = useRef<{ columns: string[]; mapping: ColumnMapping } | null>(null);
  const source = sourceOf(format);

  useEffect(() => {
    if (stage.step === 'review' || stage.step === 'done' || stage.step === 'undone') reportHeading.current?.focus();
    // Only when a step is reached, not on every re-check of the same step.
  }, [stage.step]);

  async function check(next: { format: ImportFormat; file: Loaded; mapping?: ColumnMapping }) {
    const mine = ++generation.current;
    setError(null);
    // A new mapping checks the same file again and keeps the current report on screen meanwhile.
    const again = stage.step === 'review';
    if (again) setRechecking(true);
    else setStage({ step: 'checking' });
    try {
      const report = await toolsApi.importFile({ text: next.file.text, format: next.format, dryRun: true, mapping: next.mapping });
      if (mine !== generation.current) return;
      if (next.format === 'csv' && next.mapping === undefined) {
        const previous = remembered.current;
        if (previous && report.columns && sameColumns(previous.columns, report.columns)) {
          setMapping(previous.mapping);
          await check({ ...next, mapping: previous.mapping });
          return;
        }
        if (report.mapping) setMapping(report.mapping);
      }
      if (next.mapping && report.columns) remembered.current = { columns: report.columns, mapping: next.mapping };
      setStage({ step: 'review', report });
    } catch (cause) {
      if (mine !== generation.current) return;
      setError(messageOf(cause));
      if (!again) setStage({ step: 'choose' });
    } finally {
      if (mine === generation.current) setRechecking(false);
    }
  }

  async function choose(chosen: File | undefined) {
    if (!chosen || !format) return;
    setError(null);
    setMapping(undefined);
    try {
      const loaded = { name: chosen.name, text: await readImportFile(chosen) };
      setFile(loaded);
      await check({ format, file: loaded });
    } catch (cause) {
      setFile(null);
      setError(cause instanceof FileProblem ? cause.message : messageOf(cause));
    }
  }

  async function commit(report: ImportResponse) {
    if (!file || !format) return;
    setError(null);
    setStage({ step: 'importing', report });
    try {
      const result = await toolsApi.importFile({ text: file.text, format, dryRun: false, mapping });
      if (!result.committed) {
        setStage({ step: 'review', report: result });
        setError('Nothing was imported: some rows have problems. Fix them in the file and choose it again.');
        return;
      }
      setStage({ step: 'done', result });
    } catch (cause) {
      setError(`Nothing was imported. ${messageOf(cause)}`);
      setStage({ step: 'review', report });
    }
  }

  async function undo(ids: string[]) {
    setUndoing(true);
    setError(null);
    try {
      const count = await bulkInSlices('delete', ids);
      setStage({ step: 'undone', count });
    } catch (cause) {
      setError(`Could not undo the import. ${messageOf(cause)}`);
    } finally {
      setUndoing(false);
    }
  }

  function startOver() {
    generation.current++;
    setFile(null);
    setMapping(undefined);
    setError(null);
    setStage({ step: 'choose' });
    if (fileInput.current) fileInput.current.value = '';
  }

  const report = stage.step === 'review' || stage.step === 'importing' ? stage.report : null;
  const canImport = report !== null && report.errors.length === 0 && report.imported > 0;

  if (stage.step === 'done' || stage.step === 'undone') {
    return (
      <>
        <PageHeader eyebrow="Network" title="Import contacts" />
        <ImportResult
          outcome={stage.step === 'done' ? { kind: 'done', result: stage.result } : { kind: 'undone', count: stage.count }}
          headingRef={reportHeading}
          error={error}
          undoing={undoing}
          onUndo={(ids) => void undo(ids)}
          onAgain={startOver}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        eyebrow="Network"
        title="Import contacts"
        description="Bring people in from LinkedIn, your phone or a spreadsheet. You see exactly what will happen before anything is added."
      />
      <Panel title="1. Choose where they come from">
        <SourcePicker
          value={format}
          onChange={(next) => {
            setFormat(next);
            setParams({ source: next }, { replace: true, preventScrollReset: true });
            if (file) startOver();
          }}
        />
      </Panel>

      <Panel title="2. Choose the file">
        <div className="field">
          <label className="field-label" htmlFor="import-file">
            {source ? `Your ${source.file === 'a .csv file' ? 'CSV file' : source.file}` : 'Your file'}
          </label>
          <p className="field-hint" id="import-file-hint">
            {source ? 'We read it here first and show you what would happen; nothing is added yet.' : 'Choose where your contacts come from first.'}
          </p>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            className="file-input"
            accept={source?.accept}
            disabled={!source || stage.step === 'checking' || stage.step === 'importing'}
            aria-describedby="import-file-hint"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </div>
        {stage.step === 'checking' ? <Working label={`Checking ${file?.name ?? 'your file'}…`} /> : null}
        <FormError message={stage.step === 'choose' ? error : null} />
      </Panel>

      {report && format ? (
        <Panel title="3. Check what will happen">
          <h2 className="visually-hidden" tabIndex={-1} ref={reportHeading}>
            {`Checked ${file?.name ?? 'your file'}: ${plural(report.imported, 'new contact')}`}
          </h2>
          {format === 'csv' && report.columns && mapping ? (
            <ColumnMappingStep
              columns={report.columns}
              mapping={mapping}
              busy={rechecking}
              onChange={(next) => {
                setMapping(next);
                if (file) void check({ format, file, mapping: next });
              }}
            />
          ) : null}
          {rechecking ? <Working label="Checking again with these columns…" /> : null}
          <DryRunReport report={report} />
          <FormError message={error} />
          {stage.step === 'importing' ? (
            <Working label={`Importing ${plural(report.imported, 'contact')}… large files take a few seconds.`} />
          ) : (
            <div className="button-row">
              {canImport ? (
                // While the columns are checked again, the numbers on the button may be about to change.
                <Button variant="primary" disabled={rechecking} onClick={() => void commit(report)}>
                  {`Import ${plural(report.imported, 'contact')}`}
                </Button>
              ) : report.imported === 0 && report.errors.length === 0 ? (
                <p className="muted">Everyone in this file is already in your network — nothing to add.</p>
              ) : null}
              <Button variant="quiet" onClick={startOver}>
                Choose another file
              </Button>
            </div>
          )}
        </Panel>
      ) : null}
    </>
  );
}
