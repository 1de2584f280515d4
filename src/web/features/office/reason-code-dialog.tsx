import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { adminReasonCodeSchema } from '../../../shared/contracts/reason-codes';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Dialog } from '../../components/ui/dialog';
import { FormError } from '../../components/ui/form-error';
import { SelectField } from '../../components/ui/select-field';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { useDialogAction } from '../../lib/use-dialog-action';
import { reasonCodesAdminApi } from '../appointments/appointments-api';
import { ignoreBlur } from '../appointments/plain-field';

export type AdminReasonCode = z.infer<typeof adminReasonCodeSchema>;

type ReasonCodeDialogProps = { code: AdminReasonCode | null; onClose: () => void; onSaved: (code: AdminReasonCode) => void };

/** Edits what students see while booking: the label, its description, the default length and whether it is offered. */
export function ReasonCodeDialog({ code, onClose, onSaved }: ReasonCodeDialogProps) {
  const { busy, error, run, close } = useDialogAction(onClose);
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [active, setActive] = useState(true);

  useEffect(() => {
    if (!code) return;
    setLabel(code.label);
    setDescription(code.description);
    setMinutes(String(code.defaultMinutes));
    setActive(code.active);
  }, [code]);

  const labelError = label.trim() === '' ? 'Give the reason a label students will recognise.' : undefined;
  return (
    <Dialog open={code !== null} onClose={close} title={code ? `Edit ${code.code}` : 'Edit reason'} description="Students see the label and description while they choose a reason." size="large">
      {code ? (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (labelError) return;
            void run(async () => onSaved(await reasonCodesAdminApi.update(code.code, { label: label.trim(), description, defaultMinutes: Number(minutes), active })));
          }}
        >
          <TextField id="code-label" name="code-label" onBlur={ignoreBlur} label="Label" value={label} maxLength={120} error={labelError} onChange={(event) => setLabel(event.target.value)} />
          <TextAreaField id="code-description" name="code-description" onBlur={ignoreBlur} label="Description" hint="One or two sentences on when to choose this." value={description} error={undefined} onChange={(event) => setDescription(event.target.value)} />
          <SelectField
            id="code-minutes" name="code-minutes" onBlur={ignoreBlur}
            label="Default length"
            hint="One of the lengths this reason allows."
            value={minutes}
            error={undefined}
            options={code.allowedMinutes.map((value) => ({ value: String(value), label: `${value} minutes` }))}
            onChange={(event) => setMinutes(event.target.value)}
          />
          <Checkbox label="Offered to students (active)" checked={active} onChange={(event) => setActive(event.target.checked)} />
          <FormError message={error} />
          <div className="button-row button-row--end">
            <Button data-autofocus onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={busy}>
              {busy ? 'Saving…' : 'Save reason'}
            </Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
