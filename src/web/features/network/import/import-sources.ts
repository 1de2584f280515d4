import type { ImportFormat } from '../../../../shared/contracts/imports';

export type ImportSource = {
  format: ImportFormat;
  label: string;
  /** The file people end up with, named as they will see it. */
  file: string;
  accept: string;
  /** Where the export lives, as the menu path the screen shows ("Settings & Privacy › Data privacy › …"). */
  path: string[];
  steps: string[];
  note?: string;
};

/** The places contacts come from, each with where to find its file (UX.md: Import). */
export const IMPORT_SOURCES: readonly ImportSource[] = [
  {
    format: 'linkedin',
    label: 'LinkedIn connections',
    file: 'Connections.csv',
    accept: '.csv,text/csv',
    path: ['Me', 'Settings & Privacy', 'Data privacy', 'Get a copy of your data', 'Connections'],
    steps: [
      'On LinkedIn, open Me → Settings & Privacy → Data privacy → Get a copy of your data.',
      'Tick only “Connections” and press Request archive.',
      'LinkedIn emails you a link, usually within 10 minutes. Download the archive and open it: the file is Connections.csv.',
    ],
    note: 'LinkedIn includes an email address only for people who chose to share it.',
  },
  {
    format: 'google',
    label: 'Google Contacts',
    file: 'contacts.csv',
    accept: '.csv,text/csv',
    path: ['contacts.google.com', 'Export', 'Google CSV'],
    steps: ['Go to contacts.google.com and select Export in the left-hand menu.', 'Choose the contacts (or a label), pick “Google CSV” and press Export.'],
  },
  {
    format: 'outlook',
    label: 'Outlook',
    file: 'contacts.csv',
    accept: '.csv,text/csv',
    path: ['People', 'Manage contacts', 'Export contacts', 'CSV'],
    steps: [
      'In Outlook on the web, open People, then Manage contacts → Export contacts, and save the CSV file.',
      'In Outlook for Windows: File → Open & Export → Import/Export → Export to a file → Comma Separated Values.',
    ],
  },
  {
    format: 'vcard',
    label: 'vCard file (iPhone, Mac, Android)',
    file: 'contacts.vcf',
    accept: '.vcf,.vcard,text/vcard,text/x-vcard',
    path: ['Contacts', 'Select contacts', 'File', 'Export vCard'],
    steps: [
      'On a Mac: open Contacts, select the people, then File → Export → Export vCard.',
      'On Android: open Contacts → Fix & manage → Export to file.',
      'On iPhone: open a contact list in iCloud.com/contacts, select people, then Export vCard.',
    ],
    note: 'Photos in the file are left out.',
  },
  {
    format: 'csv',
    label: 'Another spreadsheet (CSV)',
    file: 'a .csv file',
    accept: '.csv,text/csv',
    path: ['File', 'Download or Save As', 'CSV (UTF-8)'],
    steps: [
      'Save your spreadsheet as CSV: in Google Sheets File → Download → CSV; in Excel File → Save As → CSV UTF-8.',
      'Keep the column names in the first row. You will match each column to a contact field next.',
    ],
  },
];

export function sourceOf(format: string | null): ImportSource | undefined {
  return IMPORT_SOURCES.find((source) => source.format === format);
}
