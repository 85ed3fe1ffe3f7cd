/**
 * One labelled choice of a filter bar (the ticket list's, the SLA board's, the organization
 * picker's): `options` are [value, words] pairs, in order; a first '' pair is the screen's «Todos».
 */
export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  describedBy?: string;
}) {
  return (
    <div className="field inline">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map(([option, words]) => (
          <option key={option} value={option}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}
