import { useState } from 'react';
import { documentBody, type AppointmentDto } from '../../../shared/contracts/appointments';
import type { DocumentFileDto } from '../../../shared/contracts/documents';
import type { FieldIssue } from '../../../shared/contracts/errors';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { contractIssues } from '../../lib/contract-check';
import { useForm } from '../../lib/use-form';
import { DOCUMENT_LABELS } from './appointment-labels';
import { bookingApi } from './appointments-api';
import { documentOf } from './booking-details';
import { DocumentFileField } from './document-file-field';
import { formatSize } from './document-upload';
import { browserTimeZone, formatWhen } from './zoned-time';

/** The document given for an appointment: the file with its name, size and a download link, the link, or the text. */
export function AppointmentDocument({ appointment, downloadUrl, subject }: { appointment: AppointmentDto; downloadUrl: string; subject: string }) {
  const document = appointment.document;
  if (!document) return null;
  const kind = document.kind ? DOCUMENT_LABELS[document.kind] : 'document';
  const Kind = kind.charAt(0).toUpperCase() + kind.slice(1);
  return (
    <div className="appt-document">
      <span className="muted">{Kind}: </span>
      {document.file ? (
        <span className="appt-file">
          <a href={downloadUrl} download={document.file.filename}>
            {document.file.filename}
            <span className="visually-hidden"> ({subject})</span>
          </a>{' '}
          <span className="muted">
            ({formatSize(document.file.size)}) · <span aria-hidden="true">download</span>
          </span>
        </span>
      ) : document.url ? (
        <a href={document.url} target="_blank" rel="noreferrer noopener">
          {document.url}
        </a>
      ) : (
        document.text
      )}
    </div>
  );
}

type Values = { docUrl: string; docText: string; docFileId: string };

function placeIssue(issue: FieldIssue): FieldIssue | undefined {
  if (issue.path === '' || issue.path === 'document') return { path: 'docUrl', message: 'Give one of the file, the link or the pasted text: remove or clear the others.' };
  if (issue.path === 'url') return { ...issue, path: 'docUrl' };
  if (issue.path === 'text') return { ...issue, path: 'docText' };
  return undefined;
}

/** Adds or replaces an appointment's document before its deadline: a file, a link or pasted text. */
export function DocumentForm({ appointment, onSaved, onClose }: { appointment: AppointmentDto; onSaved: (appointment: AppointmentDto) => void; onClose: () => void }) {
  const kind = appointment.documentRequired ? DOCUMENT_LABELS[appointment.documentRequired] : 'document';
  const [file, setFile] = useState<DocumentFileDto | null>(null);
  const [uploading, setUploading] = useState(false);
  const [fileKey, setFileKey] = useState(0);
  const prefix = `doc-${appointment.id}`;
  const form = useForm<Values>({
    initialValues: { docUrl: '', docText: '', docFileId: '' },
    validate: {
      docUrl: (value, values) =>
        value.trim() === '' && values.docText.trim() === '' && values.docFileId === '' ? `Upload your ${kind}, add a link to it, or paste its text.` : null,
    },
    check: (values) => {
      const document = documentOf(values);
      return document ? contractIssues(documentBody, document) : [];
    },
    placeIssue,
    mapError: (error) =>
      error.code === 'DOCUMENT_DEADLINE_PASSED' || error.code === 'DOCUMENT_REQUIRED' || error.code === 'UNSUPPORTED_DOCUMENT_TYPE' || error.code === 'DOCUMENT_TOO_LARGE'
        ? { field: 'docUrl', message: error.message }
        : undefined,
    onSubmit: async (values) => {
      const document = documentOf(values);
      if (!document || uploading) return;
      const saved = await bookingApi.saveDocument(appointment.id, document);
      form.reset({ docUrl: '', docText: '', docFileId: '' });
      setFile(null);
      setFileKey((key) => key + 1);
      onSaved(saved);
    },
  });
  const replacing = appointment.document !== null;
  return (
    <form className="stack appt-doc-form" noValidate onSubmit={form.handleSubmit} aria-label={`${replacing ? 'Replace' : 'Add'} the ${kind} for ${appointment.reasonLabel}`}>
      <p className="muted">
        {replacing ? `Replace your ${kind}` : `Add your ${kind}`} by {formatWhen(appointment.documentDueAt, browserTimeZone())}, so your advisor can read it first.
      </p>
      <DocumentFileField
        key={fileKey}
        id={`${prefix}-file`}
        label={`Upload your ${kind}`}
        value={file}
        onBusyChange={setUploading}
        onChange={(next) => {
          setFile(next);
          form.setValue('docFileId', next?.id ?? '');
        }}
      />
      <TextField label={`Or a link to your ${kind}`} hint="A link that starts with https://." type="url" inputMode="url" autoComplete="url" {...form.field('docUrl')} />
      <TextAreaField label={`Or paste your ${kind}`} {...form.field('docText')} />
      <FormError message={form.formError} />
      <div className="appt-actions">
        <Button type="submit" variant="primary" busy={form.submitting || uploading}>
          {uploading ? 'Uploading your file…' : form.submitting ? 'Saving…' : replacing ? `Replace ${kind}` : `Save ${kind}`}
        </Button>
        <Button variant="quiet" onClick={onClose}>
          Not now
        </Button>
      </div>
    </form>
  );
}
