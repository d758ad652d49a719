/** A list of buttons, one per way to go on (which factor to use, to set up, to start with). */
export function ChoiceList<T extends string>({ choices, label, pending, onChoose }: { choices: readonly T[]; label: (choice: T) => string; pending: boolean; onChoose: (choice: T) => void }) {
  return (
    <ul className="choices">
      {choices.map((choice) => (
        <li key={choice}>
          <button type="button" className="choice" disabled={pending} onClick={() => onChoose(choice)}>
            {label(choice)}
          </button>
        </li>
      ))}
    </ul>
  );
}
