import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, errorMessage, type ApiErrorItem } from '../../api';
import type { FieldErrors } from './fieldErrors';

export interface FormSubmit {
  /** Messages of the last failure that concern no field (for an alert above the form). */
  general: string[];
  saving: boolean;
  /** Runs the save; a refusal lands under the fields (`mapErrors`), the rest in `general`. */
  submit(save: () => Promise<unknown>): Promise<boolean>;
}

/** The state of an antd form that the server judges: busy flag, errors under fields, other messages. */
export function useFormSubmit<F extends string>(form: FormInstance,
  mapErrors: (errors: readonly ApiErrorItem[]) => FieldErrors<F>): FormSubmit {
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = useCallback(async (save: () => Promise<unknown>) => {
    setSaving(true);
    setGeneral([]);
    try {
      await save();
      setSaving(false);
      return true;
    } catch (e) {
      const split = e instanceof ApiError ? mapErrors(e.errors) : { fields: [], general: [errorMessage(e)] };
      form.setFields(split.fields);
      setGeneral(split.general);
      setSaving(false);
      return false;
    }
  }, [form, mapErrors]);
  return { general, saving, submit };
}
