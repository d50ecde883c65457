import { t } from '../ui/i18n';
import { tacticName } from '../ui/tactics';

/** How often each tactic was used, most used first. */
export function TacticsTable({ counts }: { counts: Readonly<Record<string, number>> }) {
  const tactics = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (tactics.length === 0) return <p class="muted">{t('dashNoTactic')}</p>;
  return (
    <table class="data">
      <tbody>
        {tactics.map(([tactic, count]) => (
          <tr key={tactic}>
            <th scope="row">{tacticName(tactic)}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
