/** A drop-down of a closed list of values, each shown by `name`. */
export function Select<T extends string>({
  value,
  options,
  name,
  onChange,
}: {
  value: T;
  options: readonly T[];
  name(option: T): string;
  onChange(value: T): void;
}) {
  return (
    <select value={value} onChange={(event) => onChange(event.currentTarget.value as T)}>
      {options.map((option) => (
        <option key={option} value={option}>
          {name(option)}
        </option>
      ))}
    </select>
  );
}
