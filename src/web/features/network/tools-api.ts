import { contactEnvelope, type ContactDto } from '../../../shared/contracts/contacts';
import { importResponse, type ColumnMapping, type ImportFormat, type ImportResponse } from '../../../shared/contracts/imports';
import { duplicatesResponse, type DuplicateGroup, type MergeChoices } from '../../../shared/contracts/network-tools';
import { api } from '../../lib/api';

/** The file's media type as the import route expects it: vCard files as text/vcard, everything else as CSV. */
export function uploadType(format: ImportFormat): string {
  return format === 'vcard' ? 'text/vcard' : 'text/csv';
}

/** Import, duplicates and merge: /api/v1/imports and /api/v1/contacts/duplicates|:id/merge. */
export const toolsApi = {
  /** A dry run (nothing written) or the commit (all rows or none) of one file's text. */
  importFile: (file: { text: string; format: ImportFormat; dryRun: boolean; mapping?: ColumnMapping }): Promise<ImportResponse> =>
    api.upload('/api/v1/imports', importResponse, { text: file.text, contentType: uploadType(file.format) }, {
      format: file.format,
      dryRun: file.dryRun ? 'true' : 'false',
      mapping: file.mapping && file.format === 'csv' ? JSON.stringify(file.mapping) : undefined,
    }),
  duplicates: (): Promise<{ groups: DuplicateGroup[]; truncated: boolean }> => api.get('/api/v1/contacts/duplicates', duplicatesResponse),
  /** Keeps `keepId`, moves the other's history onto it; `use` takes chosen fields from the other. */
  merge: (keepId: string, otherId: string, use: MergeChoices): Promise<ContactDto> =>
    api.post(`/api/v1/contacts/${encodeURIComponent(keepId)}/merge`, contactEnvelope, Object.keys(use).length > 0 ? { otherId, use } : { otherId }).then((body) => body.contact),
};
