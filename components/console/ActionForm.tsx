import type { ActionField } from '@/lib/protocol';
import { Field } from '../Field';
import type { FieldValue, FormValues } from './form-values';
import { emptyValue } from './form-values';

interface Props {
  actionId: string;
  fields: ActionField[];
  values: FormValues;
  errors: Record<string, string>;
  onChange: (name: string, value: FieldValue) => void;
}

/** The form generated from an action's input schema; each control is labelled with Slack's name. */
export function ActionForm({ actionId, fields, values, errors, onChange }: Props) {
  if (fields.length === 0) return <p class="muted">This action takes no input.</p>;
  return (
    <div class="action-form">
      {fields.map((field) => {
        const id = `${actionId}-${field.name}`;
        const value = values[field.name] ?? emptyValue(field);
        const hint = [field.required ? 'Required.' : 'Optional.', field.description].filter(Boolean).join(' ');
        if (field.type === 'boolean') {
          return (
            <div class="field" key={field.name}>
              <label class="inline">
                <input
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => onChange(field.name, e.currentTarget.checked)}
                />{' '}
                {field.name}
              </label>
              <small class="muted">{hint}</small>
              {errors[field.name] && <small class="error field-error">{errors[field.name]}</small>}
            </div>
          );
        }
        if (field.type === 'list') {
          const items = value as string[];
          return (
            <fieldset key={field.name} class="list-field">
              <legend>{field.name}</legend>
              {items.map((item, index) => (
                <div class="row" key={index}>
                  <input
                    aria-label={`${field.name} ${index + 1}`}
                    value={item}
                    onInput={(e) =>
                      onChange(
                        field.name,
                        items.map((old, i) => (i === index ? e.currentTarget.value : old)),
                      )
                    }
                  />
                  <button
                    type="button"
                    aria-label={`Remove ${field.name} ${index + 1}`}
                    onClick={() =>
                      onChange(
                        field.name,
                        items.filter((_, i) => i !== index),
                      )
                    }
                  >
                    Remove
                  </button>
                </div>
              ))}
              <button type="button" onClick={() => onChange(field.name, [...items, ''])}>
                Add {field.name}
              </button>
              <small class="muted">{hint}</small>
              {errors[field.name] && <small class="error field-error">{errors[field.name]}</small>}
            </fieldset>
          );
        }
        return (
          <Field key={field.name} id={id} label={field.name} error={errors[field.name]} hint={hint}>
            {(props) =>
              field.type === 'enum' ? (
                <select
                  {...props}
                  value={value as string}
                  onChange={(e) => onChange(field.name, e.currentTarget.value)}
                >
                  <option value="">{field.required ? 'Choose…' : '(not set)'}</option>
                  {field.options?.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : field.type === 'json' ? (
                <textarea
                  {...props}
                  rows={4}
                  spellcheck={false}
                  value={value as string}
                  onInput={(e) => onChange(field.name, e.currentTarget.value)}
                />
              ) : (
                <input
                  {...props}
                  type={field.type === 'number' ? 'number' : 'text'}
                  list={field.picker ? `directory-${field.picker}s` : undefined}
                  value={value as string}
                  onInput={(e) => onChange(field.name, e.currentTarget.value)}
                />
              )
            }
          </Field>
        );
      })}
    </div>
  );
}
