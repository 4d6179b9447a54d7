import type { Alias } from '../../drugs/schema';
import { Section } from '../DrugSections';

/** How each kind of alias is headed, in the order readers look for them (data/README.md, `aliases`). */
const GROUPS: { kind: Alias['kind']; title: string }[] = [
  { kind: 'brand', title: 'Brands' },
  { kind: 'past-brand', title: 'Past brands' },
  { kind: 'international', title: 'International names' },
  { kind: 'salt', title: 'Salt forms' },
  { kind: 'abbreviation', title: 'Abbreviations' },
  { kind: 'other', title: 'Other names' },
];

/** "Lioresal (UK)": the region helps a reader who met the name abroad. */
const withRegion = (alias: Alias) => (alias.region ? `${alias.name} (${alias.region})` : alias.name);

/**
 * Every name the record is known by, grouped by kind, so a reader can confirm
 * that the brand on their box is this medicine. Nothing when it has no others.
 */
export function DrugNames({ aliases }: { aliases: Alias[] }) {
  const groups = GROUPS.map((g) => ({ ...g, names: aliases.filter((a) => a.kind === g.kind).map(withRegion) })).filter(
    (g) => g.names.length > 0,
  );
  if (groups.length === 0) return null;
  return (
    <Section title="Also known as">
      <dl class="mm-names">
        {groups.map((g) => (
          <div key={g.kind} class="mm-names__group">
            <dt>{g.title}</dt>
            <dd>{g.names.join(', ')}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
