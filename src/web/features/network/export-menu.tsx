import { DisclosureMenu } from '../../components/ui/disclosure-menu';

const FORMATS = [
  { format: 'vcard', label: 'vCard (.vcf)', hint: 'For Apple, Google or Outlook contacts' },
  { format: 'csv', label: 'CSV', hint: 'For a spreadsheet' },
  { format: 'json', label: 'JSON', hint: 'Everything, for another app' },
] as const;

/** Export → vCard, CSV or JSON: plain same-origin downloads of the whole network. */
export function ExportMenu() {
  return (
    <DisclosureMenu label="Export">
      {FORMATS.map((item) => (
        <a key={item.format} href={`/api/v1/exports/contacts?format=${item.format}`} download>
          <span>{item.label}</span>
          <span className="disclosure-menu-item-hint">{item.hint}</span>
        </a>
      ))}
    </DisclosureMenu>
  );
}
