import { JsonText } from '../components/JsonText.js';

/**
 * Every attribute of a span (or resource, or event) as key and text value.
 *
 * @example
 * <AttributeTable attributes={span.attributes} label="Span attributes" />
 */
export function AttributeTable({ attributes, label }: { readonly attributes: Record<string, unknown>; readonly label: string }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return null;
  return (
    <details className="attributes">
      <summary>
        {label} ({entries.length})
      </summary>
      <table aria-label={label}>
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>{typeof value === 'string' && value.length < 200 ? value : <JsonText value={value} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
